import { X509Certificate } from 'node:crypto';
import { CliError } from '../console/console-target';

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

/** The certificate blocks of a PEM bundle, each with a trailing newline. */
export function pemCertificates(bundle: string): string[] {
  return (bundle.match(CERT_BLOCK) ?? []).map((b) => b.replace(/\r\n/g, '\n') + '\n');
}

/** The SHA-256 fingerprint the API uses as an id: 64 lowercase hex digits of the DER. */
export function sha256Of(pem: string): string {
  try {
    return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
  } catch (err) {
    throw new CliError(`not a readable certificate: ${(err as Error).message}`);
  }
}

/** A fingerprint as people copy it (`AB:CD:...`, upper case, spaces) → the API's form; refused unless 64 hex digits. */
export function normalizeSha256(value: string): string {
  const hex = value.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new CliError(`'${value}' is not a SHA-256 fingerprint (64 hex digits, colons allowed)`);
  return hex;
}
