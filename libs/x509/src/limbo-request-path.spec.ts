// The x509-limbo suite against the request path: OpenSSL as the ingress configures it
// (`openssl verify` with the handshake's purpose and the security level that matches
// the default key policy, no -x509_strict: what Node's TLS layer does), then
// reviewHandshakeChain on the same chain, as the ingress does after the handshake.
// For every testcase that applies:
//   - 0 wrong accepts;
//   - the same verdict as the admin engine (verifyChain), case by case;
//   - refusals with a reason that fits the case, as for the admin engine.
// Differences from a real handshake: the review is given every certificate the case
// sends (Node reports only those OpenSSL could link; the ingress suite covers that), and
// a trusted certificate that isValidAnchor refuses counts as refused at upload, as the
// API refuses it. OpenSSL is the CLI of the same version Node links (3.0.x here).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Certificate } from './certificate';
import { isValidAnchor, verifyChain, type ChainVerdict } from './chain';
import { isX509Error } from './errors';
import { reviewHandshakeChain } from './handshake-review';
import {
  applicable,
  countingSignatures,
  DELIBERATE,
  limboRevocation,
  expectWithinSignatureBudget,
  PATHOLOGICAL_CPU_BUDGET_MS,
  reasonFits,
  type LimboCase,
  type Reason,
} from './limbo.spec-fixtures';
import { toPemBundle } from './parse';

/**
 * Chains the suite and verifyChain accept that the request path refuses, because OpenSSL
 * 3.0 follows the first issuer it finds and does not search for another path when that
 * one fails; Node then reports only the certificates of that path, so the review cannot
 * find the other one either. Refusing is the safe side (nothing fails open).
 */
const OPENSSL_SINGLE_PATH: Record<string, string> = {
  'rfc5280::nc::nc-forbids-alternate-chain-ica': "OpenSSL takes ICA_B', which has no root, and does not try ICA_B'' → ICA_A → root",
  'rfc5280::nc::nc-forbids-same-chain-ica': "OpenSSL takes ICA_B' under ICA_A, whose name constraints exclude it, and does not try ICA_B'' → RCA_B",
};

/** The security level the ingress sets for the default key policy (RSA >= 2048). */
const AUTH_LEVEL = 2;

/**
 * OpenSSL's X509_V_ERR numbers for the names Node gives `authorizationError`; Node calls
 * every other error UNSPECIFIED (its X509ErrorCode table).
 */
const NODE_ERROR_NAMES: Record<number, string> = {
  2: 'UNABLE_TO_GET_ISSUER_CERT',
  3: 'UNABLE_TO_GET_CRL',
  4: 'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  5: 'UNABLE_TO_DECRYPT_CRL_SIGNATURE',
  6: 'UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY',
  7: 'CERT_SIGNATURE_FAILURE',
  8: 'CRL_SIGNATURE_FAILURE',
  9: 'CERT_NOT_YET_VALID',
  10: 'CERT_HAS_EXPIRED',
  11: 'CRL_NOT_YET_VALID',
  12: 'CRL_HAS_EXPIRED',
  13: 'ERROR_IN_CERT_NOT_BEFORE_FIELD',
  14: 'ERROR_IN_CERT_NOT_AFTER_FIELD',
  15: 'ERROR_IN_CRL_LAST_UPDATE_FIELD',
  16: 'ERROR_IN_CRL_NEXT_UPDATE_FIELD',
  17: 'OUT_OF_MEM',
  18: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  19: 'SELF_SIGNED_CERT_IN_CHAIN',
  20: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  21: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  22: 'CERT_CHAIN_TOO_LONG',
  23: 'CERT_REVOKED',
  24: 'INVALID_CA',
  25: 'PATH_LENGTH_EXCEEDED',
  26: 'INVALID_PURPOSE',
  27: 'CERT_UNTRUSTED',
  28: 'CERT_REJECTED',
  62: 'HOSTNAME_MISMATCH',
};

const opensslAvailable = spawnSync('openssl', ['version']).status === 0;

/** OpenSSL's verdict as Node would report it: '' when it accepts, else the error name. */
function opensslVerdict(tc: LimboCase, anchors: Certificate[], at: Date): { tlsError: string; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-limbo-'));
  try {
    writeFileSync(join(dir, 'leaf.pem'), tc.peer_certificate);
    const args = ['verify', '-auth_level', String(AUTH_LEVEL), '-purpose', tc.validation_kind === 'CLIENT' ? 'sslclient' : 'sslserver'];
    args.push('-attime', String(Math.floor(at.getTime() / 1000)));
    // Only the case's roots: never the machine's default store.
    args.push('-no-CAfile', '-no-CApath', '-no-CAstore');
    if (anchors.length) {
      writeFileSync(join(dir, 'anchors.pem'), toPemBundle(anchors));
      args.push('-CAfile', 'anchors.pem');
    }
    if (tc.untrusted_intermediates.length) {
      writeFileSync(join(dir, 'untrusted.pem'), tc.untrusted_intermediates.join('\n'));
      args.push('-untrusted', 'untrusted.pem');
    }
    args.push('leaf.pem');
    const run = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8', timeout: 30_000 });
    const output = `${run.stdout}${run.stderr}`.trim();
    if (run.status === 0) return { tlsError: '', output };
    const code = /error (\d+) at \d+ depth lookup/.exec(output)?.[1];
    return { tlsError: code ? (NODE_ERROR_NAMES[Number(code)] ?? 'UNSPECIFIED') : 'UNSPECIFIED', output };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

type Outcome = { ok: true } | { ok: false; reason: Reason; message: string };

interface Run {
  requestPath: Outcome;
  admin: Outcome;
  /** CPU of the review after the handshake (parsing excluded), ms. */
  reviewCpuMs: number;
  /** Signature verifications of the review, and the trusted roots it had. */
  signatures: number;
  anchors: number;
  opensslOutput: string;
}

function outcomeOf(verdict: ChainVerdict): Outcome {
  return verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason, message: verdict.message };
}

async function run(tc: LimboCase): Promise<Run> {
  const at = tc.validation_time ? new Date(tc.validation_time) : new Date();
  const purpose = tc.validation_kind === 'CLIENT' ? 'clientAuth' : 'serverAuth';
  let leaf: Certificate, intermediates: Certificate[], trusted: Certificate[];
  try {
    leaf = Certificate.fromPem(tc.peer_certificate);
    intermediates = tc.untrusted_intermediates.map((p) => Certificate.fromPem(p));
    trusted = tc.trusted_certs.map((p) => Certificate.fromPem(p));
  } catch (e) {
    if (!isX509Error(e, 'parse_error')) throw e;
    // The ingress cannot read the chain either: refused, whatever OpenSSL made of it.
    const refused: Outcome = { ok: false, reason: 'parse_error', message: e.message };
    return { requestPath: refused, admin: refused, reviewCpuMs: 0, signatures: 0, anchors: 0, opensslOutput: '' };
  }
  const chainVerdict = await verifyChain({ leaf, intermediates, anchors: trusted, purpose, at });
  // Both engines apply a root's CRLs after the chain itself passed (docs/certificate-policy.md, "Per-root policy").
  const adminRevocation = chainVerdict.ok ? await limboRevocation(tc, chainVerdict.chain, at) : undefined;
  const admin: ChainVerdict = adminRevocation && !adminRevocation.ok ? adminRevocation : chainVerdict;
  // As an operator adds roots: one that isValidAnchor refuses is refused at upload, so it never reaches the handshake.
  for (const cert of trusted) {
    const verdict = await isValidAnchor(cert);
    if (!verdict.ok) {
      const refused: Outcome = { ok: false, reason: verdict.reason, message: `refused as a trusted root: ${verdict.message}` };
      return { requestPath: refused, admin: outcomeOf(admin), reviewCpuMs: 0, signatures: 0, anchors: 0, opensslOutput: '' };
    }
  }
  const anchors = trusted;
  const { tlsError, output } = opensslVerdict(tc, anchors, at);
  const started = process.cpuUsage();
  const { value: handshake, signatures } = await countingSignatures(() =>
    reviewHandshakeChain({ tlsError, chain: [leaf, ...intermediates], anchors, purpose, at }),
  );
  const revocation = handshake.ok ? await limboRevocation(tc, handshake.chain, at) : undefined;
  const review = revocation && !revocation.ok ? revocation : handshake;
  const used = process.cpuUsage(started);
  return {
    requestPath: review.ok ? { ok: true } : { ok: false, reason: review.reason, message: review.message },
    admin: outcomeOf(admin),
    reviewCpuMs: (used.user + used.system) / 1000,
    signatures,
    anchors: anchors.length,
    opensslOutput: output,
  };
}

const describeWithOpenssl = opensslAvailable ? describe : describe.skip;

describeWithOpenssl('x509-limbo on the request path (OpenSSL, then the certificate policy)', () => {
  const results = new Map<string, Run>();

  afterAll(() => {
    const done = applicable.filter((tc) => results.has(tc.id));
    const pathological = done.filter((tc) => tc.id.startsWith('pathological::'));
    const verdictOf = (o: Outcome) => (o.ok ? 'accepted' : 'refused');
    const wrongAccepts = done.filter((tc) => tc.expected_result === 'FAILURE' && results.get(tc.id)?.requestPath.ok);
    const disagreements = done.filter((tc) => {
      const r = results.get(tc.id) as Run;
      return verdictOf(r.requestPath) !== verdictOf(r.admin);
    });
    const opensslAlone = done.filter((tc) => tc.expected_result === 'FAILURE' && results.get(tc.id)?.opensslOutput.includes(': OK'));
    const lines = [
      `x509-limbo, request path: ${done.length} cases run, ${wrongAccepts.length} wrong accepts, ${disagreements.length} disagreements with verifyChain; ` +
        `OpenSSL alone (security level ${AUTH_LEVEL}) would have accepted ${opensslAlone.length} of the cases the suite refuses`,
      `  pathological cases: at most ${Math.max(0, ...pathological.map((tc) => results.get(tc.id)?.signatures ?? 0))} signature verifications each in the review, ` +
        `at most ${Math.max(0, ...pathological.map((tc) => results.get(tc.id)?.reviewCpuMs ?? 0)).toFixed(1)} ms CPU (aim ${PATHOLOGICAL_CPU_BUDGET_MS}, not asserted)`,
      ...disagreements.map((tc) => `  disagreement: ${tc.id}: ${OPENSSL_SINGLE_PATH[tc.id] ?? `NOT DOCUMENTED ${JSON.stringify(results.get(tc.id))}`}`),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  });

  describe.each(applicable.map((tc) => [tc.id, tc] as const))('%s', (_id, tc) => {
    it(`${tc.expected_result === 'SUCCESS' ? 'accepts' : 'refuses'}, as verifyChain does (${tc.validation_kind.toLowerCase()} chain)`, async () => {
      const result = await run(tc);
      results.set(tc.id, result);
      const { requestPath, admin } = result;
      if (OPENSSL_SINGLE_PATH[tc.id]) {
        expect({ id: tc.id, requestPath: requestPath.ok, admin: admin.ok }).toEqual({ id: tc.id, requestPath: false, admin: true });
        return;
      }
      expect({ id: tc.id, requestPath: requestPath.ok, admin: admin.ok }).toEqual({ id: tc.id, requestPath: admin.ok, admin: admin.ok });
      if (tc.expected_result === 'SUCCESS') {
        const deliberate = DELIBERATE[tc.id];
        if (deliberate) expect(requestPath).toMatchObject({ ok: false });
        else expect({ id: tc.id, requestPath, openssl: result.opensslOutput }).toMatchObject({ requestPath: { ok: true } });
      } else {
        expect({ id: tc.id, verdict: requestPath.ok ? 'accepted' : 'refused' }).toEqual({ id: tc.id, verdict: 'refused' });
        const reason = (requestPath as { reason: Reason }).reason;
        expect({ id: tc.id, reason, fits: reasonFits(tc.id, reason) }).toEqual({ id: tc.id, reason, fits: true });
      }
      if (tc.id.startsWith('pathological::')) {
        expectWithinSignatureBudget(tc.id, result);
      }
    });
  });
});
