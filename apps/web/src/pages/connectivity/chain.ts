import type { paths } from '../../api/schema';
import { validityOf, type Validity } from '../../lib/format';

export type ConnectivityRequest = paths['/api/v1/connectivity/tls']['post']['requestBody']['content']['application/json'];
export type ConnectivityResult = paths['/api/v1/connectivity/tls']['post']['responses'][200]['content']['application/json'];
export type PeerCertificate = ConnectivityResult['peerChain'][number];
export type KeystoreEntry = paths['/api/v1/keystore/entries']['get']['responses'][200]['content']['application/json'][number];

/** One fact about a certificate of the peer chain; `problem` facts make its verdict. */
export interface Finding {
  text: string;
  tone: 'ok' | 'problem' | 'info';
}

export interface JudgedCertificate {
  cert: PeerCertificate;
  /** Position in the chain as the server sent it (0: the server's own certificate). */
  index: number;
  role: 'server certificate' | 'intermediate CA' | 'root CA';
  selfSigned: boolean;
  validity: Validity;
  /** The keystore's trusted certificate with this fingerprint, if any. */
  trustedAs?: string;
  findings: Finding[];
  verdict: 'ok' | 'problem';
}

export const isSelfSigned = (c: PeerCertificate) => c.subjectDN === c.issuerDN;

/**
 * A verdict per certificate of the peer chain, from what the API answers: its validity
 * now, whether the next certificate is its issuer, whether the keystore trusts it (by
 * fingerprint), and for the server's own certificate whether the server name matched.
 * The API's overall validation (`validation.reason`) stays the authority; these say where
 * in the chain a problem is.
 */
export function judgeChain(result: ConnectivityResult, trusted: readonly KeystoreEntry[], now = Date.now()): JudgedCertificate[] {
  const chain = result.peerChain;
  const trustedBy = new Map(trusted.filter((e) => e.kind === 'certificate').map((e) => [e.fingerprint.toLowerCase(), e.alias]));
  const { validation } = result;
  return chain.map((cert, index) => {
    const selfSigned = isSelfSigned(cert);
    const last = index === chain.length - 1;
    const validity = validityOf(cert.notBefore, cert.notAfter, now);
    const trustedAs = trustedBy.get(cert.fingerprint.toLowerCase());
    const findings: Finding[] = [];

    if (validity === 'expired') findings.push({ tone: 'problem', text: `expired on ${cert.notAfter.slice(0, 10)}` });
    else if (validity === 'not-yet-valid') findings.push({ tone: 'problem', text: `not valid before ${cert.notBefore.slice(0, 10)}` });

    if (index === 0 && validation.performed && validation.hostnameMatches !== null) {
      findings.push(
        validation.hostnameMatches
          ? { tone: 'ok', text: `matches the server name ${result.serverName}` }
          : { tone: 'problem', text: `does not match the server name ${result.serverName}` },
      );
    }

    const next = chain[index + 1];
    if (next) {
      if (next.subjectDN !== cert.issuerDN)
        findings.push({ tone: 'problem', text: `its issuer (${cert.issuerDN}) is not the next certificate the server sent` });
    } else if (selfSigned) {
      findings.push({ tone: 'info', text: 'self-signed: the root of the chain' });
    } else {
      findings.push({ tone: 'info', text: `the server did not send its issuer ${cert.issuerDN}` });
    }

    if (trustedAs) findings.push({ tone: 'ok', text: `trusted by the keystore as '${trustedAs}'` });
    else if (last && validation.performed && validation.chainTrusted === false && selfSigned)
      findings.push({ tone: 'problem', text: "not among the keystore's trusted certificates" });

    return {
      cert,
      index,
      role: index === 0 ? 'server certificate' : selfSigned ? 'root CA' : 'intermediate CA',
      selfSigned,
      validity,
      ...(trustedAs !== undefined && { trustedAs }),
      findings,
      verdict: findings.some((f) => f.tone === 'problem') ? 'problem' : 'ok',
    };
  });
}

/** The CN of a DN (`CN=ERP Root CA, O=ERP` → `ERP Root CA`), or the whole DN. */
export function commonName(dn: string): string {
  const m = /(?:^|,)\s*CN=((?:\\.|[^,])+)/i.exec(dn);
  return (m?.[1] ?? dn).replace(/\\(.)/g, '$1').trim();
}

const ALIAS = /^[A-Za-z0-9_-]{1,64}$/;
export const isAlias = (s: string) => ALIAS.test(s);

/**
 * An alias for a root the operator trusts from the test: its CN in lower case with
 * dashes (`ERP Root CA` → `erp-root-ca`), with part of the fingerprint when that alias is
 * taken. Aliases are 1–64 of A–Z a–z 0–9 _ -.
 */
export function suggestAlias(root: PeerCertificate, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base =
    commonName(root.subjectDN)
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'server-root';
  if (!used.has(base)) return base;
  return `${base}-${root.fingerprint.slice(0, 8).toLowerCase()}`;
}

/** `attachment; filename="chain.zip"` → `chain.zip`. */
export function filenameOf(contentDisposition: string | null, fallback: string): string {
  const m = /filename="?([^";]+)"?/i.exec(contentDisposition ?? '');
  return m?.[1] ?? fallback;
}
