// Attribute types a DN string may name. The first name is the one we print:
// OpenSSL's short name, so our DNs read exactly like those Node's TLS layer
// reports for the same certificate (see tls-peer.ts); the others are accepted
// aliases, matched case-insensitively. Unknown types print as dotted OIDs.
// Not @peculiar/x509's table: it prints E, G, T and I and knows no aliases.

interface AttributeType {
  oid: string;
  names: string[];
  /** ASN.1 string type used when we encode a value of this attribute. */
  encoding: 'utf8' | 'printable' | 'ia5';
}

const TYPES: AttributeType[] = [
  { oid: '2.5.4.3', names: ['CN', 'commonName'], encoding: 'utf8' },
  { oid: '2.5.4.4', names: ['SN', 'surname'], encoding: 'utf8' },
  { oid: '2.5.4.5', names: ['serialNumber', 'SERIALNUMBER'], encoding: 'printable' },
  { oid: '2.5.4.6', names: ['C', 'countryName'], encoding: 'printable' },
  { oid: '2.5.4.7', names: ['L', 'localityName'], encoding: 'utf8' },
  { oid: '2.5.4.8', names: ['ST', 'stateOrProvinceName', 'S'], encoding: 'utf8' },
  { oid: '2.5.4.9', names: ['street', 'streetAddress', 'STREET'], encoding: 'utf8' },
  { oid: '2.5.4.10', names: ['O', 'organizationName'], encoding: 'utf8' },
  { oid: '2.5.4.11', names: ['OU', 'organizationalUnitName'], encoding: 'utf8' },
  { oid: '2.5.4.12', names: ['title'], encoding: 'utf8' },
  { oid: '2.5.4.13', names: ['description'], encoding: 'utf8' },
  { oid: '2.5.4.15', names: ['businessCategory'], encoding: 'utf8' },
  { oid: '2.5.4.17', names: ['postalCode'], encoding: 'utf8' },
  { oid: '2.5.4.41', names: ['name'], encoding: 'utf8' },
  { oid: '2.5.4.42', names: ['GN', 'givenName', 'G'], encoding: 'utf8' },
  { oid: '2.5.4.43', names: ['initials'], encoding: 'utf8' },
  { oid: '2.5.4.44', names: ['generationQualifier'], encoding: 'utf8' },
  { oid: '2.5.4.46', names: ['dnQualifier'], encoding: 'printable' },
  { oid: '2.5.4.65', names: ['pseudonym'], encoding: 'utf8' },
  { oid: '2.5.4.97', names: ['organizationIdentifier'], encoding: 'utf8' },
  { oid: '0.9.2342.19200300.100.1.25', names: ['DC', 'domainComponent'], encoding: 'ia5' },
  { oid: '0.9.2342.19200300.100.1.1', names: ['UID', 'userId'], encoding: 'utf8' },
  { oid: '1.2.840.113549.1.9.1', names: ['emailAddress', 'E', 'email'], encoding: 'ia5' },
];

const BY_OID = new Map(TYPES.map((t) => [t.oid, t]));
const BY_NAME = new Map(TYPES.flatMap((t) => t.names.map((n) => [n.toLowerCase(), t] as const)));

export const OID_COMMON_NAME = '2.5.4.3';
export const OID_COUNTRY = '2.5.4.6';

/** The OID for a type as written in a DN string, or undefined when unknown. */
export function attributeOid(type: string): string | undefined {
  const numeric = /^(?:oid\.)?([0-2](?:\.\d+)+)$/i.exec(type);
  if (numeric) return numeric[1];
  return BY_NAME.get(type.toLowerCase())?.oid;
}

/** The name we print for an attribute: its short name, else the dotted OID. */
export function attributeDisplayName(oid: string): string {
  return BY_OID.get(oid)?.names[0] ?? oid;
}

export function attributeEncoding(oid: string): AttributeType['encoding'] {
  return BY_OID.get(oid)?.encoding ?? 'utf8';
}
