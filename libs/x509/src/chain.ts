// Chain verification: alone on the admin side (uploads, keystore imports,
// connectivity tests), after OpenSSL's handshake verdict on the request path
// (handshake-review.ts). What is checked, and what is deliberately left out, is
// docs/certificate-policy.md; the x509-limbo suite holds both engines to it
// (limbo.spec.ts, limbo-request-path.spec.ts).
import type { Certificate } from './certificate';
import { PathBuilder, MAX_DEPTH, MAX_SIGNATURE_CHECKS, MAX_STEPS, type PathOutcome } from './chain-build';
import { badSignatureMessage, checkPath, type Failure } from './chain-checks';
import { keyProblem, resolveKeyPolicy, type KeyPolicy, type ResolvedKeyPolicy } from './chain-keys';
import { certName } from './chain-names';
import { profileProblem } from './chain-profile';
import { ChainFailureReason, type ChainVerdict, type Purpose } from './chain-reasons';
import { SignatureCache } from './chain-signatures';

export { ChainFailureReason, describeReason, reasonFromTlsError, type ChainVerdict, type Purpose } from './chain-reasons';
export { DEFAULT_KEY_POLICY, type EcCurve, type EdwardsCurve, type KeyPolicy } from './chain-keys';

export interface VerifyChainOptions {
  leaf: Certificate;
  /** Other certificates the sender supplied, in any order; extra ones are ignored. */
  intermediates?: Certificate[];
  /** Trusted roots: self-signed CA certificates only (see isValidAnchor). */
  anchors: readonly Certificate[];
  /** Default: now. */
  at?: Date;
  purpose: Purpose;
  /** Which public keys certificates may have; omitted fields take the secure defaults (DEFAULT_KEY_POLICY). */
  keyPolicy?: KeyPolicy;
  /**
   * The caller vetted every anchor with isValidAnchor when it loaded them, and keeps
   * trusting the ones that break only the certificate profile (the ingress, whose stored
   * roots predate the profile): the anchors are not checked again, nor the root's
   * profile. Their key policy still applies, as it does to every certificate of a path.
   */
  anchorsVetted?: boolean;
}

export interface AnchorOptions {
  keyPolicy?: KeyPolicy;
}

export type AnchorVerdict = { ok: true } | { ok: false; reason: ChainFailureReason; message: string };

/**
 * A trust anchor must be a root: self-issued, signed by its own key and a CA
 * (with keyCertSign if it has a key usage). Trusting an intermediate or a leaf
 * instead would let senders skip part of their chain. Its key must satisfy the
 * key policy (weak_key) and it must follow the certificate profile
 * (profile_violation), as every certificate of a chain must.
 */
export function isValidAnchor(cert: Certificate, options: AnchorOptions = {}): Promise<AnchorVerdict> {
  return anchorVerdict(cert, new SignatureCache(), resolveKeyPolicy(options.keyPolicy));
}

async function anchorVerdict(cert: Certificate, signatures: SignatureCache, keyPolicy: ResolvedKeyPolicy): Promise<AnchorVerdict> {
  const fail = (message: string, reason: ChainFailureReason = ChainFailureReason.invalidAnchor): AnchorVerdict => ({ ok: false, reason, message });
  const name = certName(cert);
  if (!cert.isSelfIssued) {
    return cert.isCA
      ? fail(`${name} is an intermediate CA certificate issued by '${cert.issuerDN}', not a root: trust the root CA at the top of its chain instead`)
      : fail(`${name} is an end-entity (leaf) certificate issued by '${cert.issuerDN}', not a root CA certificate`);
  }
  // Before the signature: WebCrypto cannot verify what DSA or P-192 keys signed, and "weak key" is the truth.
  const weak = keyProblem(cert, keyPolicy);
  if (weak) return fail(`${name} is refused by the key policy: ${weak}`, ChainFailureReason.weakKey);
  if (!(await signatures.verified(cert, cert)))
    return fail(`${name} names itself as its issuer but is not signed by its own key, so it is not a root certificate`);
  if (!cert.isCA) return fail(`${name} is self-signed but not a CA certificate (basicConstraints cA is not set), so it cannot be a trusted root`);
  if (cert.keyUsage && !cert.keyUsage.includes('keyCertSign'))
    return fail(`${name} is a root whose key usage lacks keyCertSign, so it cannot sign certificates`);
  const problem = profileProblem(cert, 'root');
  if (problem) return fail(`${name} is not acceptable: ${problem}`, ChainFailureReason.profileViolation);
  return { ok: true };
}

function failed(f: Failure): ChainVerdict {
  return { ok: false, reason: f.reason, message: f.message, ...(f.certificate ? { certificate: f.certificate } : {}) };
}

function uniqueByFingerprint(certs: Certificate[], exclude: Certificate): Certificate[] {
  const seen = new Set([exclude.fingerprint]);
  return certs.filter((c) => !seen.has(c.fingerprint) && seen.add(c.fingerprint));
}

/**
 * Which dead end to tell about when no path reached a trusted root: facts first
 * (an issuer's key is refused, the chain ends at a root we do not trust); then
 * running out of budget, since the search stopped before it could know more.
 */
const OUTCOME_PRIORITY: PathOutcome['kind'][] = ['weak_key', 'untrusted_root', 'gave_up', 'bad_signature', 'loop', 'too_long', 'incomplete'];

async function noPathFailure(leaf: Certificate, outcomes: PathOutcome[], signatures: SignatureCache, keyPolicy: ResolvedKeyPolicy): Promise<Failure> {
  // A signature that fails against a certificate with another key identifier means the real issuer was not sent.
  const kindOf = (o: PathOutcome) => (o.kind === 'bad_signature' && o.keyIdMismatch ? 'incomplete' : o.kind);
  const outcome = OUTCOME_PRIORITY.map((kind) => outcomes.find((o) => kindOf(o) === kind)).find((o) => o !== undefined);
  const last = outcome?.path[outcome.path.length - 1] ?? leaf;
  switch (outcome?.kind) {
    case 'weak_key':
      return {
        reason: 'weak_key',
        message: `${certName(outcome.issuer)}, the issuer of ${certName(last)}, is refused by the key policy: ${outcome.problem}`,
        certificate: outcome.issuer,
      };
    case 'untrusted_root': {
      const verdict = await anchorVerdict(last, signatures, keyPolicy);
      const unfit = verdict.ok ? '' : `; it could not be trusted either, as ${verdict.message.replace(`${certName(last)} `, 'it ')}`;
      return {
        reason: 'untrusted_root',
        message: `the chain of ${certName(leaf)} ends at root ${certName(last)}, which the sender sent but is not a trusted root${unfit}`,
        certificate: last,
      };
    }
    case 'bad_signature':
      if (!outcome.keyIdMismatch) return { reason: 'bad_signature', message: badSignatureMessage(last, outcome.issuer), certificate: last };
      return {
        reason: 'chain_incomplete',
        message: `issuer of ${certName(last)} (${last.issuerDN}) was not sent: the CA certificate of that name that was sent has another key (its subject key identifier differs from the authority key identifier ${last.authorityKeyId}); send the whole chain, leaf first`,
        certificate: last,
      };
    case 'loop':
      return {
        reason: 'chain_incomplete',
        message: `the chain loops: ${certName(last)} is issued by ${certName(outcome.issuer)}, which is already below it, and no path leads to a trusted root; send the chain up to the root`,
        certificate: last,
      };
    case 'too_long':
      return {
        reason: 'path_too_long',
        message: `the chain of ${certName(leaf)} is longer than ${MAX_DEPTH} certificates without reaching a trusted root`,
        certificate: last,
      };
    case 'gave_up':
      return {
        reason: 'unknown',
        message: `certgate gave up building the chain of ${certName(leaf)}: too many candidate issuers were sent (it verifies at most ${MAX_SIGNATURE_CHECKS} signatures and extends at most ${MAX_STEPS} partial chains per chain); send only the chain, leaf first`,
        certificate: leaf,
      };
    default:
      if (last.issuerDN === '') {
        return {
          reason: 'profile_violation',
          message: `certificate ${certName(last)} names no issuer (an empty issuer name, RFC 5280 §4.1.2.4)`,
          certificate: last,
        };
      }
      return {
        reason: 'chain_incomplete',
        message: `issuer of ${certName(last)} (${last.issuerDN}) was not sent: send the whole chain, leaf first`,
        certificate: last,
      };
  }
}

/**
 * Builds the paths leaf → … → anchor and checks them, reporting the first problem
 * in this order: invalid anchor (or its weak key / profile violation), self-signed
 * leaf, no path (weak_key of an issuer, untrusted_root, bad_signature,
 * chain_incomplete, path_too_long), then for a built path: signatures, validity
 * of every certificate at `at`, key policy, a CA as leaf, certificate profile,
 * CA flags, path lengths, key usages, extended key usages (absent = any purpose,
 * as in OpenSSL), name constraints, unprocessable critical extensions. When
 * several paths exist the first that passes wins; otherwise the failure of the
 * best-ranked path is told.
 */
export async function verifyChain(opts: VerifyChainOptions): Promise<ChainVerdict> {
  const { leaf, anchors, purpose } = opts;
  const at = opts.at ?? new Date();
  if (!leaf) return { ok: false, reason: 'no_certificate', message: 'no certificate was given' };
  const keyPolicy = resolveKeyPolicy(opts.keyPolicy);
  const signatures = new SignatureCache();

  if (anchors.length === 0) return { ok: false, reason: 'invalid_anchor', message: 'no trusted root certificates are configured' };
  for (const anchor of opts.anchorsVetted ? [] : anchors) {
    const verdict = await anchorVerdict(anchor, signatures, keyPolicy);
    if (!verdict.ok) return { ok: false, reason: verdict.reason, message: `trusted root ${verdict.message}`, certificate: anchor };
  }

  if (await signatures.selfSigned(leaf)) {
    return failed({
      reason: 'self_signed_leaf',
      message: `certificate ${certName(leaf)} is self-signed; it must be issued by a CA whose root is trusted`,
      certificate: leaf,
    });
  }

  const builder = new PathBuilder({ leaf, pool: uniqueByFingerprint(opts.intermediates ?? [], leaf), anchors, signatures, keyPolicy });
  let firstFailure: Failure | undefined;
  for await (const path of builder.paths()) {
    const failure = await checkPath({ path, at, purpose, signatures, keyPolicy, rootProfileChecked: !opts.anchorsVetted });
    if (!failure) return { ok: true, chain: path };
    firstFailure ??= failure;
  }
  return failed(firstFailure ?? (await noPathFailure(leaf, builder.outcomes, signatures, keyPolicy)));
}
