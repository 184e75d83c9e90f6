import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const RULE = '@nx/enforce-module-boundaries';
const CYCLE_RULE = 'import-x/no-cycle';

/**
 * Lints `code` with the real ESLint CLI as if it were the file at `path` (the file need
 * not exist). A child process because Jest's VM cannot load the ESM flat config.
 */
async function boundaryErrors(path: string, code: string, rule = RULE): Promise<string[]> {
  const run = spawnSync(resolve(root, 'node_modules/.bin/eslint'), ['--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: root,
    input: code,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (!run.stdout.startsWith('[')) throw new Error(`eslint did not run: ${run.stderr || run.stdout}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

/** Lints a file on disk with the real ESLint CLI; the messages of `rule`. */
async function lintFile(path: string, rule: string): Promise<string[]> {
  const run = spawnSync(resolve(root, 'node_modules/.bin/eslint'), [path, '--format', 'json'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false' },
  });
  if (!run.stdout.startsWith('[')) throw new Error(`eslint did not run: ${run.stderr || run.stdout}`);
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string | null; message: string }[] }[];
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('module boundaries are enforced by lint', () => {
  it('an app importing another app fails lint', async () => {
    const errors = await boundaryErrors(
      'apps/ingress/src/probe.ts',
      "import { IdentityAppModule } from '../../identity/src/app/app.module';\nexport const x = IdentityAppModule;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('a lib importing an app fails lint', async () => {
    const errors = await boundaryErrors(
      'libs/messaging/src/probe.ts',
      "import { ConsoleAppModule } from '../../../apps/console/src/app/app.module';\nexport const x = ConsoleAppModule;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('contracts may not depend on another lib of ours', async () => {
    const errors = await boundaryErrors('libs/contracts/src/probe.ts', "import { RpcClient } from '@certgate/messaging';\nexport const x = RpcClient;\n");
    // Reported as a circular dependency, since every lib depends on contracts.
    expect(errors.join('\n')).toMatch(/Circular dependency between "contracts" and "messaging"/);
  });

  it('production code may not import the testing lib, specs may', async () => {
    const code = "import { freePort } from '@certgate/testing';\nexport const x = freePort;\n";
    expect((await boundaryErrors('apps/identity/src/probe.ts', code)).join('\n')).toMatch(
      /"type:app" can only depend on libs tagged with "type:contracts", "type:util"/,
    );
    expect(await boundaryErrors('apps/identity/src/probe.spec.ts', code)).toEqual([]);
  });

  it('a service importing another service fails lint on its scope too, by alias-free path', async () => {
    const errors = await boundaryErrors(
      'apps/keystore/src/probe.ts',
      "import { FlowCache } from '../../flow-runtime/src/app/state/flow-cache';\nexport const x = FlowCache;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });

  it('the web console imports nothing of ours (its API types come from the OpenAPI document); its browser suites may use the testing lib', async () => {
    const lib = "import { ErrorCode } from '@certgate/contracts';\nexport const x = ErrorCode;\n";
    expect((await boundaryErrors('apps/web/src/probe.tsx', lib)).join('\n')).toMatch(/"scope:web" cannot depend on any libs/);
    const app = "import { WEB_DIST } from '../../console/src/app/web/web-console';\nexport const x = WEB_DIST;\n";
    expect((await boundaryErrors('apps/web/src/probe.ts', app)).length).toBeGreaterThan(0);
    expect(await boundaryErrors('apps/web/e2e/probe.e2e-spec.ts', "import { startSystem } from '@certgate/testing';\nexport const x = startSystem;\n")).toEqual(
      [],
    );
  });

  it('the console importing libs/x509 fails lint: it holds no certificate logic', async () => {
    const errors = await boundaryErrors(
      'apps/console/src/app/probe.ts',
      "import { parseCertificate } from '@certgate/x509';\nexport const x = parseCertificate;\n",
    );
    expect(errors.join('\n')).toMatch(/"scope:console" can only depend on libs tagged with "scope:contracts", "scope:messaging", "scope:platform"/);
  });

  it('a service may not use authz unless it decides (keystore), but the ingress may for its token endpoint', async () => {
    const code = "import { PrincipalDirectory } from '@certgate/authz';\nexport const x = PrincipalDirectory;\n";
    expect((await boundaryErrors('apps/keystore/src/probe.ts', code)).join('\n')).toMatch(/"scope:keystore" can only depend on libs tagged with/);
    expect(await boundaryErrors('apps/ingress/src/app/oauth/probe.ts', code)).toEqual([]);
  });

  it('the declared edges pass: flow-runtime → x509, platform → messaging', async () => {
    expect(await boundaryErrors('apps/flow-runtime/src/probe.ts', "import { normalizeDN } from '@certgate/x509';\nexport const x = normalizeDN;\n")).toEqual(
      [],
    );
    expect(
      await boundaryErrors('libs/platform/src/probe.ts', "import { HealthResponder } from '@certgate/messaging';\nexport const x = HealthResponder;\n"),
    ).toEqual([]);
  });

  it('messaging may not depend on x509 or platform (it carries bytes, not certificates)', async () => {
    const errors = await boundaryErrors(
      'libs/messaging/src/probe.ts',
      "import { parseCertificate } from '@certgate/x509';\nexport const x = parseCertificate;\n",
    );
    expect(errors.join('\n')).toMatch(/"scope:messaging" can only depend on libs tagged with "scope:contracts"/);
  });

  // A cycle of type-only imports (as ApplyResult's was) is erased by the compiler and not
  // reported; one that survives into JavaScript can leave a module half-initialized.
  // The rule follows imports on disk, so the probe writes two real files for the run.
  it('an import cycle between two files of one project fails lint', async () => {
    const dir = resolve(root, 'libs/authz/src', `.cycle-probe-${process.pid}`);
    mkdirSync(dir, { recursive: true });
    try {
      writeFileSync(resolve(dir, 'classic.ts'), "import { principal } from './principal';\nexport const classic = () => principal();\n");
      writeFileSync(resolve(dir, 'principal.ts'), "import { classic } from './classic';\nexport const principal = () => classic;\n");
      const errors = await lintFile(resolve(dir, 'classic.ts'), CYCLE_RULE);
      expect(errors.join('\n')).toMatch(/Dependency cycle detected/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('libs/authz has no cycle left: classic-directory.ts no longer imports principal-directory.ts (control case)', async () => {
    expect(await lintFile(resolve(root, 'libs/authz/src/classic-directory.ts'), CYCLE_RULE)).toEqual([]);
    expect(await lintFile(resolve(root, 'libs/authz/src/principal-directory.ts'), CYCLE_RULE)).toEqual([]);
  });

  it('an app may import contracts and util libs (control case)', async () => {
    const errors = await boundaryErrors(
      'apps/ingress/src/probe.ts',
      "import { Subjects } from '@certgate/contracts';\nimport { RpcClient } from '@certgate/messaging';\nexport const x = [Subjects, RpcClient];\n",
    );
    expect(errors).toEqual([]);
  });
});
