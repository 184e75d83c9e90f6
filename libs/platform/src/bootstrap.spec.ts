import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { z } from 'zod';
import { isConfigurationError } from './bootstrap';
import { baseEnvSchema, parseEnv } from './env';

const root = resolve(__dirname, '../../..');
// A service in miniature, as apps/<service>/src/main.ts is: the app module calls
// PlatformModule.forService while it is imported, so a bad variable throws before main.ts
// reaches runService(...).catch(exitOnStartupFailure). Under <root>/tmp (git-ignored) so
// that node_modules and the tsconfig paths resolve as for the real services.
const fixtureDir = join(root, 'tmp', `platform-bootstrap-${randomBytes(4).toString('hex')}`);
const APP_MODULE = `import { Module } from '@nestjs/common';
import { PlatformModule } from '@certgate/platform';

if (process.env.FIXTURE_MODE === 'handled') {
  process.on('uncaughtException', (err) => {
    process.stdout.write('handled: ' + err.message + '\\n');
    process.exit(3);
  });
}
if (process.env.FIXTURE_MODE === 'bug') throw new TypeError('a bug, not a configuration error');

@Module({ imports: [PlatformModule.forService('identity')] })
export class AppModule {}
`;
const MAIN = `import 'reflect-metadata';
import { exitOnStartupFailure, runService } from '@certgate/platform';
import { AppModule } from './app.module';

runService(AppModule).catch(exitOnStartupFailure);
`;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the fixture service as the real ones run (`node -r @swc-node/register …/main.ts`). */
function runFixture(env: Record<string, string>): Promise<Run> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', relative(root, join(fixtureDir, 'main.ts'))], {
      cwd: root,
      // A NATS nobody listens on: a run that got past the configuration would hang, not pass.
      env: { PATH: process.env.PATH ?? '', NATS_URL: 'nats://127.0.0.1:1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('error', rej);
    child.on('close', (code) => (clearTimeout(timer), res({ code, stdout, stderr })));
  });
}

const lines = (text: string) => text.split('\n').filter(Boolean);
const STACK_FRAME = /^\s+at /m;

beforeAll(() => {
  mkdirSync(fixtureDir, { recursive: true });
  writeFileSync(join(fixtureDir, 'app.module.ts'), APP_MODULE);
  writeFileSync(join(fixtureDir, 'main.ts'), MAIN);
});
afterAll(() => rmSync(fixtureDir, { recursive: true, force: true }));

describe('a configuration error at start-up', () => {
  it('prints one JSON fatal line naming every bad variable, no stack, and exits 1', async () => {
    const run = await runFixture({ CERTGATE_TENANT: 'Bad', METRICS_PORT: 'x' });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toHaveLength(1);
    expect(run.stderr).not.toMatch(STACK_FRAME);
    const line = JSON.parse(run.stderr) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'fatal', msg: 'start-up failed' });
    expect(line['error']).toMatch(/^invalid configuration: CERTGATE_TENANT: .+; METRICS_PORT: .+/);
  });

  it('is left to a process that handles its own uncaught exceptions', async () => {
    const run = await runFixture({ CERTGATE_TENANT: 'Bad', FIXTURE_MODE: 'handled' });
    expect(run.code).toBe(3);
    expect(run.stdout).toMatch(/^handled: invalid configuration: CERTGATE_TENANT/);
    expect(run.stderr).toBe('');
  });

  it('leaves any other error thrown while importing to Node, stack and all', async () => {
    const run = await runFixture({ FIXTURE_MODE: 'bug' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('TypeError: a bug, not a configuration error');
    expect(run.stderr).toMatch(STACK_FRAME);
    expect(run.stderr).not.toContain('"level":"fatal"');
  });
});

describe('isConfigurationError', () => {
  it("is true for parseEnv's error and false for anything else", () => {
    let thrown: unknown;
    try {
      parseEnv(baseEnvSchema, { CERTGATE_TENANT: 'Bad' });
    } catch (err) {
      thrown = err;
    }
    expect(isConfigurationError(thrown)).toBe(true);
    expect(isConfigurationError(new Error('connection refused'))).toBe(false);
    expect(isConfigurationError('invalid configuration: a string, not an Error')).toBe(false);
    expect(isConfigurationError(z.string().safeParse(1).error)).toBe(false);
  });
});
