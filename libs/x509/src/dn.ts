// Distinguished names as people write them. Comparison follows the spirit of
// RFC 4518 string preparation (case, Unicode compatibility forms and
// insignificant whitespace do not matter) with RFC 4514 syntax. @peculiar/x509
// compares no names, and the text of its Name keeps case.
import { attributeDisplayName, OID_COMMON_NAME } from './dn-attributes';
import { decodeHexStringValue, encodeName } from './dn-der';
import { escapeDnValue, formatDn, parseDnString, type Rdn } from './dn-string';

export interface DnAttributeValue {
  /** Short name (CN, O, OU, C, ...) or dotted OID for types without one. */
  type: string;
  /** The unescaped value; `#hex` for a value that is not a character string. */
  value: string;
}

/** Internal: attribute model of a DN string. Throws X509Error('parse_error'). */
export function readDn(dn: string): Rdn[] {
  return parseDnString(dn, decodeHexStringValue);
}

/** The RDN sequence of an RFC 4514 DN, most specific RDN first, as written. */
export function parseDN(dn: string): DnAttributeValue[][] {
  return readDn(dn).map((rdn) => rdn.map((a) => ({ type: attributeDisplayName(a.oid), value: a.value })));
}

// RFC 4518 §2.2 "map to nothing": soft hyphen, joiners, variation selectors, BOM.
function ignorable(cp: number): boolean {
  return (
    cp === 0xad ||
    cp === 0x34f ||
    (cp >= 0x180b && cp <= 0x180d) ||
    (cp >= 0x200b && cp <= 0x200d) ||
    cp === 0x2060 ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff
  );
}

function prepareValue(value: string): string {
  const kept = Array.from(value.normalize('NFKC')).filter((ch) => !ignorable(ch.codePointAt(0) as number));
  return kept.join('').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Internal: canonical text of an attribute model, shared with Certificate so certificates and strings compare alike. */
export function normalizeRdns(rdns: Rdn[]): string {
  return rdns
    .map((rdn) =>
      rdn
        .map((a) => {
          const value = a.der ? a.value.toLowerCase() : escapeDnValue({ oid: a.oid, value: prepareValue(a.value) });
          return `${attributeDisplayName(a.oid).toLowerCase()}=${value}`;
        })
        .sort()
        .join('+'),
    )
    .join(',');
}

/**
 * Canonical form for comparison: `CN=a, O=b`, `cn=A,o=B`, `CN = a ;O= b` and
 * `2.5.4.3=a,O=b` all give `cn=a,o=b`. RDN order counts; the order of values
 * inside a multi-valued RDN does not. Throws X509Error('parse_error').
 */
export function normalizeDN(dn: string): string {
  return normalizeRdns(readDn(dn));
}

/**
 * The canonical form of the DN read in the other order: for `O=Acme, CN=alice`, as
 * `openssl x509 -subject` prints names (most general first), this is what normalizeDN
 * gives for the RFC 4514 `CN=alice,O=Acme`. Lets a DN entry match whichever order it
 * was written in. Throws X509Error('parse_error').
 */
export function normalizeDNReversed(dn: string): string {
  return normalizeRdns(readDn(dn).reverse());
}

/** An RFC 4514 DN in the forward order tools such as `openssl x509 -subject` print: most general RDN first. */
export function dnInForwardOrder(dn: string): string {
  return formatDn(readDn(dn).reverse(), ', ');
}

/** True when both DNs name the same entity; false when either cannot be parsed (never equal by accident). */
export function dnEquals(a: string, b: string): boolean {
  try {
    return normalizeDN(a) === normalizeDN(b);
  } catch {
    return false;
  }
}

/** The most specific CN of a DN, if it has one. Throws X509Error('parse_error') for text that is not a DN. */
export function commonName(dn: string): string | undefined {
  return commonNameOf(readDn(dn));
}

export function commonNameOf(rdns: Rdn[]): string | undefined {
  for (const rdn of rdns) {
    const cn = rdn.find((a) => a.oid === OID_COMMON_NAME && !a.der);
    if (cn) return cn.value;
  }
  return undefined;
}

/** RFC 4514 text (`, ` between RDNs) of a DN string, e.g. to show what was understood. */
export function formatDN(dn: string): string {
  return formatDn(readDn(dn));
}

/** DER encoding of a DN string, for certificate and CSR generation. */
export function encodeDN(dn: string): Uint8Array {
  return encodeName(readDn(dn));
}
