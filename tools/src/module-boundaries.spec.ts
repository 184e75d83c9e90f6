import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const RULE = '@nx/enforce-module-boundaries';

/**
 * Lints `code` with the real ESLint CLI as if it were the file at `path` (the file need
 * not exist). A child process because Jest's VM cannot load the ESM flat config.
 */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const run = spawnSync(resolve(root, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (!run.stdout.startsWith('[')) throw new Error(`eslint did not run: ${run.stderr || run.stdout}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

describe('module boundaries are enforced by lint', () => {
  it('an app importing another app fails lint', async () => {
    const errors = await boundaryErrors('apps/ingress/src/probe.ts', "import { IdentityAppModule } from '../../identity/src/app/app.module';\nexport const x = IdentityAppModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('a lib importing an app fails lint', async () => {
    const errors = await boundaryErrors('libs/messaging/src/probe.ts', "import { ConsoleAppModule } from '../../../apps/console/src/app/app.module';\nexport const x = ConsoleAppModule;\n");
    expect(errors.length).toBeGreaterThan(0);
  });

  it('contracts may not depend on another lib of ours', async () => {
    const errors = await boundaryErrors('libs/contracts/src/probe.ts', "import { RpcClient } from '@certgate/messaging';\nexport const x = RpcClient;\n");
    // Reported as a circular dependency, since every lib depends on contracts.
    expect(errors.join('\n')).toMatch(/Circular dependency between "contracts" and "messaging"/);
  });

  it('production code may not import the testing lib, specs may', async () => {
    const code = "import { freePort } from '@certgate/testing';\nexport const x = freePort;\n";
    expect((await boundaryErrors('apps/identity/src/probe.ts', code)).join('\n')).toMatch(/"type:app" can only depend on libs tagged with "type:contracts", "type:util"/);
    expect(await boundaryErrors('apps/identity/src/probe.spec.ts', code)).toEqual([]);
  });

  it('an app may import contracts and util libs (control case)', async () => {
    const errors = await boundaryErrors('apps/ingress/src/probe.ts', "import { Subjects } from '@certgate/contracts';\nimport { RpcClient } from '@certgate/messaging';\nexport const x = [Subjects, RpcClient];\n");
    expect(errors).toEqual([]);
  });
});
