// Runs the openssl CLI, for tests that compare our verdicts with OpenSSL's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPemBundle, type Certificate, type Purpose } from '@certgate/x509';

export interface OpensslResult {
  status: number;
  stdout: string;
  stderr: string;
}

let available: boolean | undefined;

/** Whether an `openssl` binary is on PATH. */
export function opensslAvailable(): boolean {
  available ??= spawnSync('openssl', ['version'], { encoding: 'utf8' }).status === 0;
  return available;
}

export function runOpenssl(args: string[], opts: { input?: string | Uint8Array; cwd?: string } = {}): OpensslResult {
  const run = spawnSync('openssl', args, { cwd: opts.cwd, input: opts.input, encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export interface OpensslVerifyInput {
  leaf: Certificate;
  intermediates: Certificate[];
  anchors: Certificate[];
  purpose: Purpose;
  at: Date;
  /** Add -x509_strict (RFC 5280 profile checks). Default true. */
  strict?: boolean;
}

/** `openssl verify` of one chain; `output` holds OpenSSL's own words (error number, depth, reason). */
export function opensslVerify(input: OpensslVerifyInput): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-openssl-'));
  try {
    writeFileSync(join(dir, 'leaf.pem'), input.leaf.pem);
    writeFileSync(join(dir, 'anchors.pem'), toPemBundle(input.anchors));
    const args = ['verify'];
    if (input.strict !== false) args.push('-x509_strict');
    args.push('-purpose', input.purpose === 'clientAuth' ? 'sslclient' : 'sslserver');
    args.push('-attime', String(Math.floor(input.at.getTime() / 1000)));
    args.push('-CAfile', 'anchors.pem');
    if (input.intermediates.length > 0) {
      writeFileSync(join(dir, 'intermediates.pem'), toPemBundle(input.intermediates));
      args.push('-untrusted', 'intermediates.pem');
    }
    args.push('leaf.pem');
    const result = runOpenssl(args, { cwd: dir });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
