import type { Certificate } from './certificate';

/**
 * How messages name a certificate: its quoted subject DN, or for an empty
 * subject (identity in the SAN only) its first subject alternative name.
 */
export function certName(cert: Certificate): string {
  if (cert.subjectDN !== '') return `'${cert.subjectDN}'`;
  const san = cert.subjectAltNames[0];
  return san ? `with empty subject and ${san.type} name '${san.value}'` : `with empty subject (serial ${cert.serialNumber})`;
}
