// The x509-limbo suite (C2SP/x509-limbo, vendored in testdata/x509-limbo) as both
// engines' harnesses read it: which testcases apply to certgate, where certgate refuses
// on purpose what the suite accepts, and which reason fits which refusal.
// limbo.spec.ts runs the admin engine (verifyChain), limbo-request-path.spec.ts the
// request path (OpenSSL as the ingress configures it, then reviewHandshakeChain).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_DEPTH, MAX_SIGNATURE_CHECKS } from './chain-build';
import { Certificate } from './certificate';
import type { ChainFailureReason } from './chain-reasons';
import { parseCrl } from './crl';
import { checkRevocation, type RevocationVerdict } from './revocation';

export interface LimboCase {
  id: string;
  features: string[];
  conflicts_with: string[];
  description: string;
  validation_kind: 'CLIENT' | 'SERVER';
  trusted_certs: string[];
  untrusted_intermediates: string[];
  peer_certificate: string;
  validation_time: string | null;
  extended_key_usage: string[];
  max_chain_depth: number | null;
  crls: string[];
  expected_result: 'SUCCESS' | 'FAILURE';
}

/** A chain-failure reason, or `parse_error` when a certificate cannot even be read (callers answer certificate_invalid). */
export type Reason = ChainFailureReason | 'parse_error';

export const limbo: { testcases: LimboCase[] } = JSON.parse(readFileSync(join(__dirname, '../testdata/x509-limbo/limbo.json'), 'utf8'));

// --- which cases apply ---

const NOT_APPLICABLE_FEATURES: Record<string, string> = {
  'max-chain-depth': 'verifyChain has no caller-set maximum depth; its own limit is MAX_DEPTH certificates',
  'pedantic-webpki-eku':
    'CA/B Forum EKU rules for public TLS servers (EKU required, non-critical, none in roots); certgate keeps RFC 5280 semantics, as OpenSSL does on the request path: no EKU means any purpose',
  'pedantic-public-suffix-wildcard': 'peer-name matching (wildcards on public suffixes): verifyChain has no peer-name check',
  'rfc5280-incompatible-with-webpki':
    'contradicts a webpki case (see conflicts_with); certgate follows the CA/B Forum: non-critical name constraints are enforced, not refused',
};

/**
 * Cases whose verdict turns on matching the expected peer name against the leaf:
 * verifyChain has no name check (the host name is checked by tls.checkServerIdentity
 * in the connectivity test and receiver calls, and client chains carry no peer name).
 */
const PEER_NAME_CASES: RegExp[] = [
  /^webpki::cn::/,
  /^webpki::san::(mismatch-|wildcard-|unicode-emoji-san$|no-san$|san-wildcard-only)/,
  /^rfc5280::san::(underscore-dns|ip-in-dns)$/,
];

export function notApplicable(tc: LimboCase): string | undefined {
  const feature = tc.features.find((f) => NOT_APPLICABLE_FEATURES[f]);
  if (feature) return `${feature}: ${NOT_APPLICABLE_FEATURES[feature]}`;
  if (tc.max_chain_depth !== null && tc.max_chain_depth < MAX_DEPTH) return NOT_APPLICABLE_FEATURES['max-chain-depth'];
  if (PEER_NAME_CASES.some((p) => p.test(tc.id))) return 'peer-name check: verifyChain does not match a peer name';
  return undefined;
}

// --- where certgate refuses on purpose what the suite accepts ---

export const DELIBERATE: Record<string, { reason: Reason; why: string }> = {
  'cve::cve-2024-0567': {
    reason: 'invalid_anchor',
    why: 'the trusted certificate (Root A) is an intermediate issued by x509-limbo-root; certgate trusts self-signed roots only, so a sender cannot skip part of its chain (policy: trust anchors)',
  },
  'rfc5280::root-and-intermediate-swapped': {
    reason: 'invalid_anchor',
    why: 'the trusted certificate is an intermediate; certgate trusts self-signed roots only (policy: trust anchors)',
  },
  'rfc5280::ca-as-leaf': {
    reason: 'leaf_is_ca',
    why: 'RFC 5280 lets a CA certificate be a leaf; certgate, like the CA/B Forum (webpki::ca-as-leaf), refuses a CA as end-entity certificate (policy: end-entity certificates)',
  },
  'rfc5280::validity::notafter-exact': {
    reason: 'expired',
    why: 'validated at the notAfter second itself; OpenSSL, which decides in the handshake, counts that second as past, and certgate counts it the same so both engines agree (RFC 5280 calls it inclusive; policy: checks, validity)',
  },
  'rfc5280::validity::notafter-fractional': {
    reason: 'expired',
    why: 'validated 5 ms into the notAfter second; as for notafter-exact, that second counts as past on both engines',
  },
  'pathlen::validation-ignores-pathlen-in-leaf': {
    reason: 'leaf_is_ca',
    why: 'the leaf is a CA certificate (cA=true, pathLen 0); certgate refuses a CA as end-entity certificate (policy: end-entity certificates)',
  },
};

// --- which reason fits which refusal (first match wins) ---

export const REASONS: Array<[string | RegExp, Reason[]]> = [
  [/^cve::cve-2025-61727/, ['name_constraints']],
  // The issuing CA's RSA key does not decode: refused by the key policy before any signature is tried.
  ['invalid::invalid-issuer-key', ['weak_key']],
  [/^pathlen::/, ['path_too_long']],
  [/^pathological::intermediate-cycle-/, ['chain_incomplete']],
  // nc-dos-1's leaf is beyond @peculiar/x509's ASN.1 node limit; the others exceed NAME_CHECK_LIMIT.
  [/^pathological::nc-dos-/, ['name_constraints', 'parse_error']],
  [/^pathological::pathological-chain-distinct-subject-/, ['path_too_long']],
  ['pathological::pathological-chain-same-subject-distinct-key', ['unknown']],
  ['pathological::pathological-chain-same-subject-same-key', ['untrusted_root']],
  // The trusted certificate is an intermediate, which certgate refuses before looking further.
  [/^rfc5280::(aki::cross-signed-root-missing-aki|serial::negative|ca-empty-subject)$/, ['invalid_anchor']],
  [/^(rfc5280::(aki|ski|pc|serial)|webpki::aki)::/, ['profile_violation']],
  [/^rfc5280::eku::/, ['wrong_eku']],
  [/^(rfc5280|webpki)::nc::/, ['name_constraints']],
  [/^rfc5280::(san::malformed|duplicate-extensions)$|^webpki::malformed-aia$/, ['parse_error']],
  [/^rfc5280::san::|^webpki::san::san-critical-with-nonempty-subject$/, ['profile_violation']],
  [/^rfc5280::validity::expired/, ['expired']],
  [/^rfc5280::validity::not/, ['not_yet_valid']],
  [/^rfc5280::(ee-empty-issuer|root-non-critical-basic-constraints)$|^webpki::v1-cert$/, ['profile_violation']],
  [/^rfc5280::(unknown-critical-extension-|ee-critical-aia-invalid)/, ['unknown']],
  ['rfc5280::chain-untrusted-root', ['untrusted_root']],
  ['rfc5280::intermediate-ca-without-ca-bit', ['not_a_ca']],
  [/^rfc5280::(root-missing-basic-constraints|root-inconsistent-ca-extensions)$/, ['invalid_anchor']],
  // The suite does not send these two intermediates, so what can be said is that they are missing.
  [/^rfc5280::(intermediate-ca-missing-basic-constraints|ica-ku-keycertsign)$/, ['chain_incomplete']],
  [/^rfc5280::(leaf-ku-keycertsign|ca-as-leaf-wrong-san)$|^webpki::(ee-basicconstraints-ca|ca-as-leaf)$/, ['leaf_is_ca']],
  ['rfc5280::mismatching-signature-algorithm', ['bad_signature']],
  [/^webpki::(explicit-curve|forbidden-)/, ['weak_key']],
  ['webpki::cryptographydotio-chain-missing-intermediate', ['chain_incomplete']],
  ['crl::revoked-certificate-with-crl', ['revoked']],
  // The CRL is not one certgate may use (no CRL number, a critical one, an issuer without cRLSign): revocation cannot be known.
  [/^crl::(crlnumber-missing|crlnumber-critical|issuer-missing-crlsign)$/, ['revocation_unknown']],
];

/**
 * A case with CRLs: the verified path checked against them as a root's revocation policy
 * does it, fail-closed (an unusable CRL leaves revocation unknown). Undefined without CRLs.
 */
export async function limboRevocation(tc: LimboCase, path: Certificate[], at: Date): Promise<RevocationVerdict | undefined> {
  if (tc.crls.length === 0) return undefined;
  const crls = tc.crls.map((pem) => parseCrl(pem));
  return checkRevocation({ chain: path, crlsOf: () => crls, mode: 'fail-closed', at });
}

export function expectedReasons(id: string): Reason[] | undefined {
  return REASONS.find(([pattern]) => (typeof pattern === 'string' ? pattern === id : pattern.test(id)))?.[1];
}

export const applicable = limbo.testcases.filter((tc) => !notApplicable(tc));
export const skipped = limbo.testcases.filter((tc) => notApplicable(tc));

/** CPU time a pathological case should cost an engine's own code: reported, not asserted (a busy machine doubles it). */
export const PATHOLOGICAL_CPU_BUDGET_MS = 100;

/**
 * What a pathological case may cost, counted instead of timed: signature verifications,
 * the expensive step. The builder's own bound (MAX_SIGNATURE_CHECKS) plus the trusted
 * roots' self-signatures and one path check.
 */
const pathologicalSignatureBudget = (anchors: number) => MAX_SIGNATURE_CHECKS + anchors + MAX_DEPTH;

/**
 * A pathological case stays within its signature budget. Counted, not timed: CPU time
 * doubles when the machine is busy (seen in CI), the work does not.
 */
export function expectWithinSignatureBudget(id: string, run: { signatures: number; anchors: number }): void {
  const budget = pathologicalSignatureBudget(run.anchors);
  expect({ id, signatures: run.signatures, withinBudget: run.signatures <= budget }).toMatchObject({ withinBudget: true });
}

/** Runs `work` and counts the signature verifications it made (Certificate.verifySignedBy). */
export async function countingSignatures<T>(work: () => Promise<T>): Promise<{ value: T; signatures: number }> {
  const spy = jest.spyOn(Certificate.prototype, 'verifySignedBy');
  try {
    const value = await work();
    return { value, signatures: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

/** Whether a refusal's reason fits the case: true, or what was expected. */
export function reasonFits(id: string, reason: Reason): true | string {
  const allowed = expectedReasons(id);
  return allowed ? allowed.includes(reason) || `expected one of ${allowed.join(', ')}` : 'no rule in REASONS';
}
