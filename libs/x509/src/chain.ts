// Chain verification for the admin side (uploads, keystore imports,
// connectivity tests). The request path relies on OpenSSL's verdict from the
// TLS handshake instead (see reasonFromTlsError); the two agree on the named
// corpus of libs/testing (openssl-agreement.spec.ts).
import type { Certificate } from './certificate';
import { buildPaths, type PathOutcome } from './chain-build';
import { certName } from './chain-names';
import { checkPath, type Failure } from './chain-checks';
import { ChainFailureReason, type ChainVerdict, type Purpose } from './chain-reasons';
import { SignatureCache } from './chain-signatures';

export { ChainFailureReason, describeReason, reasonFromTlsError, type ChainVerdict, type Purpose } from './chain-reasons';

export interface VerifyChainOptions {
  leaf: Certificate;
  /** Other certificates the sender supplied, in any order; extra ones are ignored. */
  intermediates?: Certificate[];
  /** Trusted roots: self-signed CA certificates only (see isValidAnchor). */
  anchors: Certificate[];
  /** Default: now. */
  at?: Date;
  purpose: Purpose;
}

export type AnchorVerdict = { ok: true } | { ok: false; reason: ChainFailureReason; message: string };

/**
 * A trust anchor must be a root: self-issued, signed by its own key and a CA
 * (with keyCertSign if it has a key usage). Trusting an intermediate or a leaf
 * instead would let senders skip part of their chain.
 */
export function isValidAnchor(cert: Certificate): Promise<AnchorVerdict> {
  return anchorVerdict(cert, new SignatureCache());
}

async function anchorVerdict(cert: Certificate, signatures: SignatureCache): Promise<AnchorVerdict> {
  const fail = (message: string): AnchorVerdict => ({ ok: false, reason: ChainFailureReason.invalidAnchor, message });
  const name = certName(cert);
  if (!cert.isSelfIssued) {
    return cert.isCA
      ? fail(`${name} is an intermediate CA certificate issued by '${cert.issuerDN}', not a root: trust the root CA at the top of its chain instead`)
      : fail(`${name} is an end-entity (leaf) certificate issued by '${cert.issuerDN}', not a root CA certificate`);
  }
  if (!(await signatures.verified(cert, cert)))
    return fail(`${name} names itself as its issuer but is not signed by its own key, so it is not a root certificate`);
  if (!cert.isCA) return fail(`${name} is self-signed but not a CA certificate (basicConstraints cA is not set), so it cannot be a trusted root`);
  if (cert.keyUsage && !cert.keyUsage.includes('keyCertSign'))
    return fail(`${name} is a root whose key usage lacks keyCertSign, so it cannot sign certificates`);
  return { ok: true };
}

function failed(f: Failure): ChainVerdict {
  return { ok: false, reason: f.reason, message: f.message, ...(f.certificate ? { certificate: f.certificate } : {}) };
}

function uniqueByFingerprint(certs: Certificate[], exclude: Certificate): Certificate[] {
  const seen = new Set([exclude.fingerprint]);
  return certs.filter((c) => !seen.has(c.fingerprint) && seen.add(c.fingerprint));
}

function noPathFailure(leaf: Certificate, outcomes: PathOutcome[]): Failure {
  const untrusted = outcomes.find((o) => o.kind === 'untrusted_root');
  if (untrusted) {
    const root = untrusted.path[untrusted.path.length - 1];
    return {
      reason: 'untrusted_root',
      message: `the chain of ${certName(untrusted.path[0])} ends at root ${certName(root)}, which is not a trusted root`,
      certificate: root,
    };
  }
  const longest = outcomes.reduce<Certificate[]>((a, b) => (b.path.length > a.length ? b.path : a), []);
  const last = longest[longest.length - 1] ?? leaf;
  return {
    reason: 'chain_incomplete',
    message: `issuer of ${certName(last)} (${last.issuerDN}) was not sent: send the whole chain, leaf first`,
    certificate: last,
  };
}

/**
 * Builds the path leaf → … → anchor and checks it, reporting the first problem
 * in this order: invalid anchor, self-signed leaf, no path (chain_incomplete /
 * untrusted_root), signatures, validity of every certificate at `at`, CA flags,
 * path lengths, key usages, extended key usages (absent = any purpose, as in
 * OpenSSL), unprocessable critical extensions. When several paths exist the
 * first that passes wins; otherwise the failure of the best-ranked path is told.
 */
export async function verifyChain(opts: VerifyChainOptions): Promise<ChainVerdict> {
  const { leaf, anchors, purpose } = opts;
  const at = opts.at ?? new Date();
  if (!leaf) return { ok: false, reason: 'no_certificate', message: 'no certificate was given' };
  const signatures = new SignatureCache();

  if (anchors.length === 0) return { ok: false, reason: 'invalid_anchor', message: 'no trusted root certificates are configured' };
  for (const anchor of anchors) {
    const verdict = await anchorVerdict(anchor, signatures);
    if (!verdict.ok) return { ok: false, reason: verdict.reason, message: `trusted root ${verdict.message}`, certificate: anchor };
  }

  if (await signatures.selfSigned(leaf)) {
    return failed({
      reason: 'self_signed_leaf',
      message: `certificate ${certName(leaf)} is self-signed; it must be issued by a CA whose root is trusted`,
      certificate: leaf,
    });
  }

  const pool = uniqueByFingerprint(opts.intermediates ?? [], leaf);
  const outcomes = await buildPaths(leaf, pool, anchors, signatures);
  let firstFailure: Failure | undefined;
  for (const outcome of outcomes) {
    if (outcome.kind !== 'complete') continue;
    const failure = await checkPath({ path: outcome.path, at, purpose, signatures });
    if (!failure) return { ok: true, chain: outcome.path };
    firstFailure ??= failure;
  }
  return failed(firstFailure ?? noPathFailure(leaf, outcomes));
}
