// DER Name <-> attribute model.
//   Name ::= SEQUENCE OF RelativeDistinguishedName
//   RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
//   AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value ANY }
// DER lists RDNs from the root down; RFC 4514 strings the other way round.
import { attributeEncoding, attributeDisplayName, OID_COUNTRY } from './dn-attributes';
import type { DnAttribute, Rdn } from './dn-string';
import { TAG, children, compareDer, content, decodeOid, encodeOid, encodeTlv, encoded, expectTag, readWhole, type Tlv } from './der';
import { toHex } from './encoding';
import { X509Error } from './errors';

const lenientUtf8 = new TextDecoder('utf-8');

/** Text of a character-string value, or undefined for any other ASN.1 type. */
export function decodeStringValue(tlv: Tlv): string | undefined {
  const body = content(tlv);
  switch (tlv.tag) {
    case TAG.utf8String:
      return lenientUtf8.decode(body);
    // T61 is in practice Latin-1 (or mislabelled UTF-8); Latin-1 at least never fails.
    case TAG.t61String:
    case TAG.printableString:
    case TAG.ia5String:
    case TAG.visibleString:
    case TAG.numericString:
      return Buffer.from(body).toString('latin1');
    case TAG.bmpString:
      return Buffer.from(body).swap16().toString('utf16le');
    case TAG.universalString: {
      let out = '';
      for (let k = 0; k + 3 < body.length; k += 4) {
        out += String.fromCodePoint(((body[k] << 24) | (body[k + 1] << 16) | (body[k + 2] << 8) | body[k + 3]) >>> 0);
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** For `#hex` values in DN strings: their text when they encode a character string. */
export function decodeHexStringValue(der: Uint8Array): string | undefined {
  try {
    return decodeStringValue(readWhole(der));
  } catch {
    return undefined;
  }
}

export function decodeName(name: Tlv): Rdn[] {
  expectTag(name, TAG.sequence, 'a Name (SEQUENCE)');
  const rdns = children(name).map((set) => {
    expectTag(set, TAG.set, 'an RDN (SET)');
    const atvs = children(set);
    if (atvs.length === 0) throw new X509Error('parse_error', 'malformed DER: empty RDN');
    return atvs.map((atv): DnAttribute => {
      const [type, value] = children(expectTag(atv, TAG.sequence, 'an AttributeTypeAndValue'));
      if (!type || !value) throw new X509Error('parse_error', 'malformed DER: incomplete AttributeTypeAndValue');
      const oid = decodeOid(content(expectTag(type, TAG.oid, 'an attribute OID')));
      const text = decodeStringValue(value);
      if (text !== undefined) return { oid, value: text };
      const der = new Uint8Array(encoded(value));
      return { oid, value: `#${toHex(der)}`, der };
    });
  });
  return rdns.reverse();
}

export function decodeNameDer(der: Uint8Array): Rdn[] {
  return decodeName(readWhole(der));
}

function encodeValue(attr: DnAttribute): Uint8Array {
  if (attr.der) return attr.der;
  const name = attributeDisplayName(attr.oid);
  if (attr.oid === OID_COUNTRY && !/^[A-Za-z]{2}$/.test(attr.value)) {
    throw new X509Error('parse_error', `C (country) must be a two-letter ISO 3166 code such as DE or US, not '${attr.value}'`);
  }
  switch (attributeEncoding(attr.oid)) {
    case 'printable':
      if (/^[A-Za-z0-9 '()+,\-./:=?]*$/.test(attr.value)) return encodeTlv(TAG.printableString, Buffer.from(attr.value, 'latin1'));
      break;
    case 'ia5':
      // eslint-disable-next-line no-control-regex
      if (!/^[\x00-\x7f]*$/.test(attr.value)) throw new X509Error('parse_error', `${name} must be ASCII, not '${attr.value}'`);
      return encodeTlv(TAG.ia5String, Buffer.from(attr.value, 'latin1'));
  }
  return encodeTlv(TAG.utf8String, Buffer.from(attr.value, 'utf8'));
}

/** DER Name for RDNs in string order. Values of a multi-valued RDN are sorted as DER's SET OF demands. */
export function encodeName(rdns: Rdn[]): Uint8Array {
  const sets = [...rdns].reverse().map((rdn) => {
    const atvs = rdn.map((a) => encodeTlv(TAG.sequence, Buffer.concat([encodeOid(a.oid), encodeValue(a)])));
    atvs.sort(compareDer);
    return encodeTlv(TAG.set, Buffer.concat(atvs));
  });
  return new Uint8Array(encodeTlv(TAG.sequence, Buffer.concat(sets)));
}
