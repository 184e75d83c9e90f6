// The x509-limbo suite (C2SP/x509-limbo, vendored in testdata/x509-limbo) against
// verifyChain, the admin engine. For every testcase that applies to certgate:
//   - no chain the suite expects refused may pass (0 wrong accepts);
//   - a chain it expects accepted may be refused only where certgate's written
//     policy says so (DELIBERATE, each with its reason; docs/certificate-policy.md);
//   - every refusal carries a reason code that fits the case (REASONS);
//   - pathological inputs cost at most 100 ms of CPU each.
// Cases that do not apply are listed with the reason (NOT_APPLICABLE).
import { Certificate } from './certificate';
import { verifyChain } from './chain';
import { MAX_DEPTH, MAX_SIGNATURE_CHECKS } from './chain-build';
import { isX509Error } from './errors';
import {
  applicable,
  DELIBERATE,
  limbo,
  limboRevocation,
  notApplicable,
  PATHOLOGICAL_CPU_BUDGET_MS,
  countingSignatures,
  expectWithinSignatureBudget,
  REASONS,
  reasonFits,
  skipped,
  type LimboCase,
  type Reason,
} from './limbo.spec-fixtures';

// --- running a case ---

type Outcome = { ok: true } | { ok: false; reason: Reason; message: string };

interface Run {
  outcome: Outcome;
  /** CPU time of verifyChain alone (parsing excluded), ms. */
  cpuMs: number;
  /** Signature verifications verifyChain made. */
  signatures: number;
  anchors: number;
}

async function run(tc: LimboCase): Promise<Run> {
  let leaf: Certificate, intermediates: Certificate[], anchors: Certificate[];
  try {
    leaf = Certificate.fromPem(tc.peer_certificate);
    intermediates = tc.untrusted_intermediates.map((p) => Certificate.fromPem(p));
    anchors = tc.trusted_certs.map((p) => Certificate.fromPem(p));
  } catch (e) {
    if (!isX509Error(e, 'parse_error')) throw e;
    return { outcome: { ok: false, reason: 'parse_error', message: e.message }, cpuMs: 0, signatures: 0, anchors: 0 };
  }
  const at = tc.validation_time ? new Date(tc.validation_time) : new Date();
  // CPU rather than wall time: the suite must not fail because the machine is busy with something else.
  const started = process.cpuUsage();
  const { value: verdict, signatures } = await countingSignatures(() =>
    verifyChain({
      leaf,
      intermediates,
      anchors,
      purpose: tc.validation_kind === 'CLIENT' ? 'clientAuth' : 'serverAuth',
      at,
    }),
  );
  const used = process.cpuUsage(started);
  const work = { cpuMs: (used.user + used.system) / 1000, signatures, anchors: anchors.length };
  const revocation = verdict.ok ? await limboRevocation(tc, verdict.chain, at) : undefined;
  if (revocation && !revocation.ok) return { outcome: { ok: false, reason: revocation.reason, message: revocation.message }, ...work };
  return { outcome: verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason, message: verdict.message }, ...work };
}

describe('x509-limbo', () => {
  const results = new Map<string, Run>();
  const pathological = applicable.filter((tc) => tc.id.startsWith('pathological::'));

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
      `  pathological cases: at most ${Math.max(...pathological.map((tc) => results.get(tc.id)?.signatures ?? 0))} signature verifications each in verifyChain ` +
        `(budget ${MAX_SIGNATURE_CHECKS} + roots + ${MAX_DEPTH}), at most ${Math.max(...pathological.map((tc) => results.get(tc.id)?.cpuMs ?? 0)).toFixed(1)} ms CPU ` +
        `(aim ${PATHOLOGICAL_CPU_BUDGET_MS}, not asserted)`,
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
        const fits = reasonFits(tc.id, reason);
        expect({ id: tc.id, reason, fits }).toEqual({ id: tc.id, reason, fits: true });
      }
      if (tc.id.startsWith('pathological::')) {
        expectWithinSignatureBudget(tc.id, result);
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
