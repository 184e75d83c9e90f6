// DER Name <-> attribute model. DER lists RDNs from the root down; RFC 4514
// strings the other way round. Reading walks asn1js nodes rather than
// @peculiar/asn1-x509's Name because only the nodes keep each value's exact
// bytes: its string type and content for decoding, or its whole encoding for
// `#hex` output of values that are not strings.
import { AsnSerializer } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { attributeEncoding, attributeDisplayName, OID_COUNTRY } from './dn-attributes';
import type { DnAttribute, Rdn } from './dn-string';
import { toArrayBuffer, toHex } from './encoding';
import { X509Error } from './errors';
import { stringValue } from './string-values';
import { UNIVERSAL, encoded, isUniversal, membersOf, readDer, type DerNode } from './strict-der';

/** For `#hex` values in DN strings: their text when they encode a character string. */
export function decodeHexStringValue(der: Uint8Array): string | undefined {
  try {
    return stringValue(readDer(der));
  } catch {
    return undefined;
  }
}

function decodeAttribute(atv: DerNode): DnAttribute {
  const [type, value] = membersOf(atv, UNIVERSAL.sequence, 'an AttributeTypeAndValue');
  if (!type || !value) throw new X509Error('parse_error', 'malformed DER: incomplete AttributeTypeAndValue');
  // asn1js reads an empty OID as ''.
  const oid = isUniversal(type, UNIVERSAL.oid) && type instanceof asn1js.ObjectIdentifier ? type.valueBlock.toString() : '';
  if (!oid) throw new X509Error('parse_error', 'malformed DER: expected an attribute OID');
  const text = stringValue(value);
  if (text !== undefined) return { oid, value: text };
  const der = new Uint8Array(encoded(value));
  return { oid, value: `#${toHex(der)}`, der };
}

export function decodeName(name: DerNode | undefined): Rdn[] {
  const rdns = membersOf(name, UNIVERSAL.sequence, 'a Name (SEQUENCE)').map((set) => {
    const atvs = membersOf(set, UNIVERSAL.set, 'an RDN (SET)');
    if (atvs.length === 0) throw new X509Error('parse_error', 'malformed DER: empty RDN');
    return atvs.map(decodeAttribute);
  });
  return rdns.reverse();
}

function attributeValue(attr: DnAttribute): AttributeValue {
  const name = attributeDisplayName(attr.oid);
  if (attr.der) {
    // asn1js re-encodes the value on the way in and would silently drop trailing bytes.
    try {
      readDer(attr.der);
    } catch (cause) {
      throw new X509Error('parse_error', `the value ${attr.value} of ${name} is not one DER-encoded element`, { cause });
    }
    return new AttributeValue({ anyValue: toArrayBuffer(attr.der) });
  }
  if (attr.oid === OID_COUNTRY && !/^[A-Za-z]{2}$/.test(attr.value)) {
    throw new X509Error('parse_error', `C (country) must be a two-letter ISO 3166 code such as DE or US, not '${attr.value}'`);
  }
  switch (attributeEncoding(attr.oid)) {
    case 'printable':
      if (/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(attr.value)) return new AttributeValue({ printableString: attr.value });
      break;
    case 'ia5':
      // eslint-disable-next-line no-control-regex
      if (!/^[\x00-\x7f]*$/.test(attr.value)) throw new X509Error('parse_error', `${name} must be ASCII, not '${attr.value}'`);
      return new AttributeValue({ ia5String: attr.value });
  }
  // A BMPString #hex value can hold lone surrogates: asn1js's UTF-8 encoder throws
  // on them, Buffer's writes U+FFFD.
  return new AttributeValue({ utf8String: Buffer.from(attr.value, 'utf8').toString('utf8') });
}

/**
 * X.690 §11.6: a DER SET OF lists its members in ascending order of their
 * encodings. Complete encodings are never prefixes of one another, so a plain
 * byte comparison gives that order.
 */
function derSetOf(rdn: Rdn): RelativeDistinguishedName {
  const members = rdn.map((attr) => {
    const atv = new AttributeTypeAndValue({ type: attr.oid, value: attributeValue(attr) });
    return { atv, der: Buffer.from(AsnSerializer.serialize(atv)) };
  });
  members.sort((a, b) => Buffer.compare(a.der, b.der));
  return new RelativeDistinguishedName(members.map((m) => m.atv));
}

/** DER Name for RDNs in string order. */
export function encodeName(rdns: Rdn[]): Uint8Array {
  return new Uint8Array(AsnSerializer.serialize(new Name([...rdns].reverse().map(derSetOf))));
}
