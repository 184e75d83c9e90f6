// The checks a trusted root's own policy adds to a verified path (docs/certificate-
// policy.md, "Per-root policy"): revocation by CRL, and whether a leaf must name the
// purpose in an extended key usage. Both run on a path verifyChain (or the handshake
// review) already accepted, so the root, and each certificate's issuer, are known.
import type { Certificate } from './certificate';
import { certName } from './chain-names';
import type { Purpose } from './chain-reasons';
import type { Crl } from './crl';
import type { OcspStatus } from './ocsp';

/** What to do when no current CRL speaks for a certificate: refuse it (`fail-closed`) or admit it and say so (`fail-open`). */
export type RevocationMode = 'fail-closed' | 'fail-open';

export interface RevocationInput {
  /** A verified path: leaf first, trusted root last. */
  chain: readonly Certificate[];
  /** The CRLs that may speak for the certificates `issuer` issued (any; unusable ones are passed over). */
  crlsOf: (issuer: Certificate, cert: Certificate) => readonly Crl[] | Promise<readonly Crl[]>;
  mode: RevocationMode;
  at?: Date;
  /** Asked when no current CRL speaks for a certificate (OCSP); omitted: CRLs only. */
  ocsp?: (cert: Certificate, issuer: Certificate) => Promise<OcspStatus>;
}

export type RevocationVerdict =
  | { ok: true; /** Certificates admitted without a current CRL (fail-open), with why. */ unknown: { certificate: Certificate; problem: string }[] }
  | { ok: false; reason: 'revoked' | 'revocation_unknown'; message: string; certificate: Certificate };

/**
 * Every certificate of the path below the root is looked up in a current CRL of its
 * issuer (same issuer name, signed by the issuer's key, thisUpdate ≤ now < nextUpdate),
 * and, where no CRL is current, asked of OCSP when the caller offers it. Listed or
 * answered revoked → `revoked`. Neither → `revocation_unknown` under fail-closed,
 * admitted and reported under fail-open. The root is the trust anchor: removing it is how it is
 * revoked.
 */
export async function checkRevocation(input: RevocationInput): Promise<RevocationVerdict> {
  const at = input.at ?? new Date();
  const unknown: { certificate: Certificate; problem: string }[] = [];
  for (let i = 0; i < input.chain.length - 1; i++) {
    const cert = input.chain[i];
    const issuer = input.chain[i + 1];
    const candidates = await input.crlsOf(issuer, cert);
    const problems: string[] = [];
    let current = false;
    for (const crl of candidates) {
      if (!(await crl.issuedBy(issuer))) continue;
      const problem = crl.problemAt(at);
      if (problem) {
        problems.push(problem);
        continue;
      }
      current = true;
      const revoked = crl.revocationOf(cert);
      if (revoked) {
        const why = revoked.reason ? ` (reason: ${revoked.reason})` : '';
        return {
          ok: false,
          reason: 'revoked',
          message: `${certName(cert)}, serial ${cert.serialNumber}, was revoked by ${certName(issuer)} on ${revoked.at.toISOString()}${why}`,
          certificate: cert,
        };
      }
    }
    if (current) continue;
    const answer = input.ocsp && (await input.ocsp(cert, issuer));
    if (answer?.status === 'good') continue;
    if (answer?.status === 'revoked') {
      const why = answer.reason ? ` (reason: ${answer.reason})` : '';
      return {
        ok: false,
        reason: 'revoked',
        message: `${certName(cert)}, serial ${cert.serialNumber}, was revoked by ${certName(issuer)} on ${answer.at.toISOString()}${why} (OCSP)`,
        certificate: cert,
      };
    }
    const crlProblem = problems.length > 0 ? `the CRL of ${certName(issuer)} cannot be used: ${problems[0]}` : `no CRL of ${certName(issuer)} is available`;
    const problem = answer ? `${crlProblem}, and ${answer.problem}` : crlProblem;
    if (input.mode === 'fail-closed') {
      return {
        ok: false,
        reason: 'revocation_unknown',
        message: `whether ${certName(cert)} is revoked cannot be known: ${problem}; the root's revocation policy is fail-closed`,
        certificate: cert,
      };
    }
    unknown.push({ certificate: cert, problem });
  }
  return { ok: true, unknown };
}

/** `require-clientAuth`: the leaf must list the purpose in an extended key usage; `allow-missing-eku`: a leaf without the extension may serve any purpose (RFC 5280). */
export type EkuPolicy = 'require-clientAuth' | 'allow-missing-eku';

/**
 * The leaf's EKU under a root's policy. A leaf whose EKU lists other purposes only is
 * refused by verifyChain already; this adds the refusal of a leaf with no EKU at all.
 * Answers the problem, or undefined.
 */
export function missingEkuProblem(leaf: Certificate, purpose: Purpose, policy: EkuPolicy): string | undefined {
  if (policy === 'allow-missing-eku' || leaf.extendedKeyUsage !== undefined) return undefined;
  return `${certName(leaf)} has no extended key usage, and its root requires ${purpose} to be listed (EKU policy require-clientAuth)`;
}
