// Text of the ASN.1 character strings found in names. We decode the content
// bytes ourselves because asn1js's own decoding loses information: invalid
// UTF-8 comes back as Latin-1 rather than with U+FFFD marking the damage, and
// UniversalString characters beyond U+FFFF are cut to their low 16 bits.
// We go by tag number, not asn1js class: its TIME is a Utf8String subclass and
// its UTCTime a VisibleString one.
import * as asn1js from 'asn1js';
import { UNIVERSAL, type DerNode } from './strict-der';

const lenientUtf8 = new TextDecoder('utf-8');

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
  const bytes = node.valueBlock.valueHexView;
  switch (tagNumber) {
    case UNIVERSAL.utf8String:
      return lenientUtf8.decode(bytes);
    // T61 is in practice Latin-1 (or mislabelled UTF-8); Latin-1 at least never fails.
    case UNIVERSAL.teletexString:
    case UNIVERSAL.printableString:
    case UNIVERSAL.ia5String:
    case UNIVERSAL.visibleString:
    case UNIVERSAL.numericString:
      return Buffer.from(bytes).toString('latin1');
    case UNIVERSAL.bmpString:
      return Buffer.from(bytes).swap16().toString('utf16le');
    case UNIVERSAL.universalString:
      return ucs4(bytes);
    default:
      return undefined;
  }
}
