import { X509Certificate } from 'node:crypto';
import { errorMessage } from '@certgate/contracts';

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;
const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';

/** What the configuration engine needs to know of one PEM certificate (read with node:crypto, no server round trip). */
export interface CertFacts {
  /** SHA-256 of the DER, 64 lowercase hex digits: the id the API uses for roots and mappings. */
  fingerprint: string;
  /** The certificate re-encoded (64-character lines, one trailing newline): equal certificates give equal text. */
  pem: string;
  subject: string;
  isCa: boolean;
  selfSigned: boolean;
  notBefore: Date;
  notAfter: Date;
  /** Extended key usage OIDs; undefined when the certificate has no such extension. */
  extendedKeyUsage?: string[];
}

export type CertReading = { ok: true; facts: CertFacts } | { ok: false; problem: string };

const cache = new Map<string, CertReading>();

/** Reads exactly one certificate from PEM text; a bundle, garbage or an empty string is a problem, not an exception. */
export function readCertificate(pem: string): CertReading {
  let reading = cache.get(pem);
  if (!reading) {
    reading = read(pem);
    if (cache.size > 10_000) cache.clear();
    cache.set(pem, reading);
  }
  return reading;
}

function read(pem: string): CertReading {
  const [block, ...more] = pem.match(CERT_BLOCK) ?? [];
  if (block === undefined) return { ok: false, problem: 'not a PEM certificate (no -----BEGIN CERTIFICATE----- block)' };
  if (more.length) return { ok: false, problem: `one certificate expected, the PEM holds ${more.length + 1}` };
  try {
    const cert = new X509Certificate(block);
    const eku = cert.keyUsage as string[] | undefined;
    return {
      ok: true,
      facts: {
        fingerprint: cert.fingerprint256.replace(/:/g, '').toLowerCase(),
        pem: cert.toString().replace(/\r\n/g, '\n').trimEnd() + '\n',
        // RFC 4514 order (CN first), as the API shows DNs.
        subject: cert.subject.split('\n').reverse().join(','),
        isCa: cert.ca,
        selfSigned: cert.checkIssued(cert) && safeVerify(cert),
        notBefore: new Date(cert.validFrom),
        notAfter: new Date(cert.validTo),
        ...(eku && { extendedKeyUsage: eku }),
      },
    };
  } catch (err) {
    return { ok: false, problem: `not a readable certificate: ${errorMessage(err)}` };
  }
}

function safeVerify(cert: X509Certificate): boolean {
  try {
    return cert.verify(cert.publicKey);
  } catch {
    return false;
  }
}

/** The fingerprint of a readable certificate, else a stand-in that cannot clash with one (the file is refused anyway). */
export function fingerprintOf(pem: string): string {
  const reading = readCertificate(pem);
  return reading.ok ? reading.facts.fingerprint : `unreadable:${pem.length}:${pem.slice(-40)}`;
}

/** The canonical PEM of a readable certificate; unreadable text stays as it is. */
export function canonicalPem(pem: string): string {
  const reading = readCertificate(pem);
  return reading.ok ? reading.facts.pem : pem;
}

/** Problems of a certificate that must be one leaf usable for client authentication now (a service key's or a mapping's). */
export function leafProblems(pem: string, now: Date): string[] {
  const reading = readCertificate(pem);
  if (!reading.ok) return [reading.problem];
  const c = reading.facts;
  const problems: string[] = [];
  if (c.isCa) problems.push(`'${c.subject}' is a CA certificate; a leaf (the sender's own certificate) is expected`);
  problems.push(...validityProblems(c, now));
  if (c.extendedKeyUsage && !c.extendedKeyUsage.includes(CLIENT_AUTH_OID))
    problems.push(`'${c.subject}' is not allowed for client authentication (no clientAuth EKU)`);
  return problems;
}

/** Problems of a certificate that must be a self-signed CA valid now (a trusted client root). */
export function rootProblems(pem: string, now: Date): string[] {
  const reading = readCertificate(pem);
  if (!reading.ok) return [reading.problem];
  const c = reading.facts;
  const problems: string[] = [];
  if (!c.isCa || !c.selfSigned) problems.push(`'${c.subject}' is not a self-signed CA certificate; a trusted root must be one`);
  problems.push(...validityProblems(c, now));
  return problems;
}

/** Problems of any one readable certificate (a keystore trusted certificate, a flow's listed certificate). */
export function certificateProblems(pem: string): string[] {
  const reading = readCertificate(pem);
  return reading.ok ? [] : [reading.problem];
}

function validityProblems(c: CertFacts, now: Date): string[] {
  if (now < c.notBefore) return [`'${c.subject}' is not valid yet (from ${c.notBefore.toISOString()})`];
  if (now > c.notAfter) return [`'${c.subject}' has expired (${c.notAfter.toISOString()})`];
  return [];
}

/** `sha256:ab12cd34… CN=x, O=y`: a certificate as a diff line shows it. */
export function describeCertificate(pem: string): string {
  const reading = readCertificate(pem);
  return reading.ok ? `sha256:${reading.facts.fingerprint.slice(0, 16)}… ${reading.facts.subject}` : 'an unreadable certificate';
}

/** Whether a string is PEM text (so a diff shows the certificate, not 20 lines of base64). */
export const isPem = (value: unknown): value is string => typeof value === 'string' && value.includes('-----BEGIN ');
