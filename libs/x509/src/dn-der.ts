// DER Name <-> attribute model. DER lists RDNs from the root down; RFC 4514
// strings the other way round. Encoding goes through @peculiar/asn1-x509's Name.
// Reading walks the asn1js nodes the certificate's parse already made rather than
// hand them to AsnParser with that Name, which accepts BER and empty RDNs, loses
// information in two string types (library-gaps.spec.ts) and is slow where the
// ingress reads names: 80 µs a Name against 2 µs for the walk, with 750 µs for a
// certificate's whole parse (node 20, 100k iterations).
import { AsnSerializer } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import { attributeEncoding, attributeDisplayName, OID_COUNTRY } from './dn-attributes';
import type { DnAttribute, Rdn } from './dn-string';
import { toArrayBuffer, toHex } from './encoding';
import { x509 } from './engine';
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
    // AsnSerializer re-encodes the value and would silently drop trailing bytes.
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
      if (x509.Name.isPrintableString(attr.value)) return new AttributeValue({ printableString: attr.value });
      break;
    case 'ia5':
      // Not x509.Name.isASCII: that lets Latin-1 through.
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
 * encodings, which AsnSerializer leaves to us. Complete encodings are never
 * prefixes of one another, so a plain byte comparison gives that order.
 */
function derSetOf(rdn: Rdn): RelativeDistinguishedName {
  const atvs = rdn.map((attr) => new AttributeTypeAndValue({ type: attr.oid, value: attributeValue(attr) }));
  if (atvs.length < 2) return new RelativeDistinguishedName(atvs);
  const members = atvs.map((atv) => ({ atv, der: Buffer.from(AsnSerializer.serialize(atv)) }));
  members.sort((a, b) => Buffer.compare(a.der, b.der));
  return new RelativeDistinguishedName(members.map((m) => m.atv));
}

/** DER Name for RDNs in string order. */
export function encodeName(rdns: Rdn[]): Uint8Array {
  return new Uint8Array(AsnSerializer.serialize(new Name([...rdns].reverse().map(derSetOf))));
}
