// Text of the ASN.1 character strings found in names. asn1js has already decoded
// each one while parsing, and for most types as we want it (the text
// @peculiar/asn1-schema hands out is the same); for two types it loses information,
// and those we decode from the content bytes (library-gaps.spec.ts shows both).
// We go by tag number, not asn1js class: its TIME is a Utf8String subclass and
// its UTCTime a VisibleString one.
import * as asn1js from 'asn1js';
import { UNIVERSAL, type DerNode } from './strict-der';

const lenientUtf8 = new TextDecoder('utf-8');

// T61 is in practice Latin-1 (or mislabelled UTF-8): asn1js reads it, like the other
// one-byte types, as Latin-1, which at least never fails. BMPString it reads as UTF-16BE.
const READ_BY_ASN1JS = new Set<number>([
  UNIVERSAL.teletexString,
  UNIVERSAL.printableString,
  UNIVERSAL.ia5String,
  UNIVERSAL.visibleString,
  UNIVERSAL.numericString,
  UNIVERSAL.bmpString,
]);

function ucs4(bytes: Uint8Array): string {
  let out = '';
  for (let k = 0; k + 3 < bytes.length; k += 4) {
    out += String.fromCodePoint(((bytes[k] << 24) | (bytes[k + 1] << 16) | (bytes[k + 2] << 8) | bytes[k + 3]) >>> 0);
  }
  return out;
}

/** Text of a character-string value, or undefined for any other ASN.1 type. */
export function stringValue(node: DerNode): string | undefined {
  const { tagClass, tagNumber, isConstructed } = node.idBlock;
  if (tagClass !== 1 || isConstructed || !(node instanceof asn1js.BaseStringBlock)) return undefined;
  // asn1js reads invalid UTF-8 as Latin-1; U+FFFD should mark the damage instead.
  if (tagNumber === UNIVERSAL.utf8String) return lenientUtf8.decode(node.valueBlock.valueHexView);
  // asn1js keeps only the low 16 bits of a character beyond U+FFFF.
  if (tagNumber === UNIVERSAL.universalString) return ucs4(node.valueBlock.valueHexView);
  return READ_BY_ASN1JS.has(tagNumber) ? node.valueBlock.value : undefined;
}
