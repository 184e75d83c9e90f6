// The expiry monitor's part of `npm run bench` (`npm run bench -- --only=scan` runs it alone):
// a full scan of 100,000 certificates with the keystore's own scan code against an
// in-memory alert state, in a child process of its own so that its peak memory is the
// scan's alone. The measuring code is scan-bench-child.ts, the one file of tools that
// may import an app's code (eslint.config.mjs says so).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT, SERVICE_NODE_FLAGS } from '@certgate/testing';

export async function runScanBench(): Promise<void> {
  process.stdout.write('\n');
  // The keystore's Node flags, plus --expose-gc so retained memory is measured after a collection.
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, '--expose-gc', '-r', '@swc-node/register', join('tools', 'bench', 'scan-bench-child.ts')], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`the scan bench exited with code ${code}`);
}
