// PKCS#12 (.p12/.pfx, RFC 7292) import and export. We write what OpenSSL 3
// writes by default (certificates in a PBES2/AES-256-CBC EncryptedData, the
// key in a PBES2 shrouded key bag, an HMAC-SHA256 MAC), and read that plus
// the common variants, refusing the legacy RC2/RC4/3DES schemes with advice.
export { readPkcs12, type Pkcs12Contents } from './pkcs12-read';
export { writePkcs12, type WritePkcs12Options } from './pkcs12-write';
