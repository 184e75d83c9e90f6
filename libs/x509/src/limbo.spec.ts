// The x509-limbo suite (C2SP/x509-limbo, vendored in testdata/x509-limbo) against
// verifyChain. For every testcase that applies to certgate:
//   - no chain the suite expects refused may pass (0 wrong accepts);
//   - a chain it expects accepted may be refused only where certgate's written
//     policy says so (DELIBERATE, each with its reason; docs/certificate-policy.md);
//   - every refusal carries a reason code that fits the case (REASONS);
//   - pathological inputs cost at most 100 ms of CPU each.
// Cases that do not apply are listed with the reason (NOT_APPLICABLE).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Certificate } from './certificate';
import { MAX_DEPTH } from './chain-build';
import { verifyChain, type ChainFailureReason } from './chain';
import { isX509Error } from './errors';

interface LimboCase {
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
type Reason = ChainFailureReason | 'parse_error';

const limbo: { testcases: LimboCase[] } = JSON.parse(readFileSync(join(__dirname, '../testdata/x509-limbo/limbo.json'), 'utf8'));

// --- which cases apply ---

const NOT_APPLICABLE_FEATURES: Record<string, string> = {
  'has-crl': 'revocation: verifyChain consults no CRL or OCSP (policy: "Left out")',
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

function notApplicable(tc: LimboCase): string | undefined {
  const feature = tc.features.find((f) => NOT_APPLICABLE_FEATURES[f]);
  if (feature) return `${feature}: ${NOT_APPLICABLE_FEATURES[feature]}`;
  if (tc.max_chain_depth !== null && tc.max_chain_depth < MAX_DEPTH) return NOT_APPLICABLE_FEATURES['max-chain-depth'];
  if (PEER_NAME_CASES.some((p) => p.test(tc.id))) return 'peer-name check: verifyChain does not match a peer name';
  return undefined;
}

// --- where certgate refuses on purpose what the suite accepts ---

const DELIBERATE: Record<string, { reason: Reason; why: string }> = {
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
  'pathlen::validation-ignores-pathlen-in-leaf': {
    reason: 'leaf_is_ca',
    why: 'the leaf is a CA certificate (cA=true, pathLen 0); certgate refuses a CA as end-entity certificate (policy: end-entity certificates)',
  },
};

// --- which reason fits which refusal (first match wins) ---

const REASONS: Array<[string | RegExp, Reason[]]> = [
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
];

function expectedReasons(id: string): Reason[] | undefined {
  return REASONS.find(([pattern]) => (typeof pattern === 'string' ? pattern === id : pattern.test(id)))?.[1];
}

// --- running a case ---

type Outcome = { ok: true } | { ok: false; reason: Reason; message: string };

interface Run {
  outcome: Outcome;
  /** CPU time of verifyChain alone (parsing excluded), ms. */
  cpuMs: number;
}

const PATHOLOGICAL_CPU_BUDGET_MS = 100;

async function run(tc: LimboCase): Promise<Run> {
  let leaf: Certificate, intermediates: Certificate[], anchors: Certificate[];
  try {
    leaf = Certificate.fromPem(tc.peer_certificate);
    intermediates = tc.untrusted_intermediates.map((p) => Certificate.fromPem(p));
    anchors = tc.trusted_certs.map((p) => Certificate.fromPem(p));
  } catch (e) {
    if (!isX509Error(e, 'parse_error')) throw e;
    return { outcome: { ok: false, reason: 'parse_error', message: e.message }, cpuMs: 0 };
  }
  // CPU rather than wall time: the suite must not fail because the machine is busy with something else.
  const started = process.cpuUsage();
  const verdict = await verifyChain({
    leaf,
    intermediates,
    anchors,
    purpose: tc.validation_kind === 'CLIENT' ? 'clientAuth' : 'serverAuth',
    at: tc.validation_time ? new Date(tc.validation_time) : new Date(),
  });
  const used = process.cpuUsage(started);
  const cpuMs = (used.user + used.system) / 1000;
  return { outcome: verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason, message: verdict.message }, cpuMs };
}

const applicable = limbo.testcases.filter((tc) => !notApplicable(tc));
const skipped = limbo.testcases.filter((tc) => notApplicable(tc));

describe('x509-limbo', () => {
  const results = new Map<string, Run>();

  afterAll(() => {
    const passed = applicable.filter((tc) => {
      const r = results.get(tc.id);
      return r && r.outcome.ok === (tc.expected_result === 'SUCCESS');
    });
    const wrongAccepts = applicable.filter((tc) => tc.expected_result === 'FAILURE' && results.get(tc.id)?.outcome.ok);
    const wrongRejects = applicable.filter((tc) => tc.expected_result === 'SUCCESS' && results.get(tc.id)?.outcome.ok === false);
    const lines = [
      `x509-limbo: ${limbo.testcases.length} testcases, ${applicable.length} apply, ${passed.length} passed, ` +
        `${wrongAccepts.length} wrong accepts, ${wrongRejects.length} refused (${wrongRejects.filter((tc) => DELIBERATE[tc.id]).length} deliberate), ${skipped.length} not applicable`,
      `  pathological cases: at most ${Math.max(...applicable.filter((tc) => tc.id.startsWith('pathological::')).map((tc) => results.get(tc.id)?.cpuMs ?? 0)).toFixed(1)} ms CPU each in verifyChain (budget ${PATHOLOGICAL_CPU_BUDGET_MS})`,
      ...wrongRejects.map(
        (tc) => `  deliberate: ${tc.id} → ${(results.get(tc.id)?.outcome as { reason: string }).reason}: ${DELIBERATE[tc.id]?.why ?? 'NOT DOCUMENTED'}`,
      ),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  it('has testcases, and every one either applies or says why not', () => {
    expect(limbo.testcases.length).toBeGreaterThan(200);
    for (const tc of skipped) expect(notApplicable(tc)).toMatch(/\w+/);
    // Deliberate differences and reason rules name real cases that apply.
    const ids = applicable.map((tc) => tc.id);
    for (const id of Object.keys(DELIBERATE)) expect(ids).toContain(id);
    for (const [pattern] of REASONS) expect(ids.some((id) => (typeof pattern === 'string' ? id === pattern : pattern.test(id)))).toBe(true);
  });

  describe.each(applicable.map((tc) => [tc.id, tc] as const))('%s', (_id, tc) => {
    it(`${tc.expected_result === 'SUCCESS' ? 'accepts' : 'refuses'} (${tc.validation_kind.toLowerCase()} chain)`, async () => {
      const result = await run(tc);
      results.set(tc.id, result);
      const { outcome } = result;
      const deliberate = DELIBERATE[tc.id];
      if (tc.expected_result === 'SUCCESS') {
        if (deliberate) {
          expect(outcome).toMatchObject({ ok: false, reason: deliberate.reason });
        } else {
          expect(outcome).toEqual({ ok: true });
        }
      } else {
        expect({ id: tc.id, deliberate }).toEqual({ id: tc.id, deliberate: undefined });
        expect({ id: tc.id, verdict: outcome.ok ? 'accepted' : 'refused' }).toEqual({ id: tc.id, verdict: 'refused' });
        const reason = (outcome as { reason: Reason }).reason;
        const allowed = expectedReasons(tc.id);
        const fits = allowed ? allowed.includes(reason) || `expected one of ${allowed.join(', ')}` : 'no rule in REASONS';
        expect({ id: tc.id, reason, fits }).toEqual({ id: tc.id, reason, fits: true });
      }
      if (tc.id.startsWith('pathological::')) {
        expect({ id: tc.id, cpuMs: result.cpuMs, withinBudget: result.cpuMs <= PATHOLOGICAL_CPU_BUDGET_MS }).toMatchObject({ withinBudget: true });
      }
    });
  });
});

describe('x509-limbo applicability', () => {
  it.each(skipped.map((tc) => [tc.id, notApplicable(tc) as string]))('%s does not apply: %s', (id, why) => {
    expect(why.length).toBeGreaterThan(10);
    expect(id).toBeTruthy();
  });
});
