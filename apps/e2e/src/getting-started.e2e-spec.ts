import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { commandAvailable, defined, checkExchangesAndStop, startSystem, type RunningSystem } from '@certgate/testing';
import { shellBlocks, type ShellBlock } from './doc-blocks';

/**
 * docs/getting-started.md, run as written: its shell blocks marked `<!-- tested -->`, in
 * order, in one bash, against a system of the spec's own. The page's defaults (console
 * http://127.0.0.1:8080/api/v1, ingress https://127.0.0.1:8443, the dev root CA under
 * .certgate/data) are mapped onto that system through the variables the page already
 * uses: CERTGATE_CONSOLE_URL and CERTGATE_ADMIN_TOKEN (read by certgate), INGRESS and
 * INGRESS_CA (the page keeps values set before it). `npm link` links certgate into a
 * temporary npm prefix whose bin directory is first on PATH.
 */
const CHECKOUT = resolve(__dirname, '../../..');
const DOC = join(CHECKOUT, 'docs/getting-started.md');
const CLIENT_ID = 'sb-sender-a!k1';

const missing = [
  ['bash', '--version'],
  ['openssl', 'version'],
  ['curl', '--version'],
]
  .filter(([command, versionArg]) => !commandAvailable(command, versionArg))
  .map(([command]) => command);

interface BlockRun {
  block: ShellBlock;
  output: string;
}

interface WalkThrough {
  code: number | null;
  blocks: BlockRun[];
  /** The directory the last block ended in (the page's scratch directory). */
  cwd: string | undefined;
  /** Everything bash printed, stdout and stderr in order. */
  all: string;
}

const MARKER = /^@@getting-started block (\d+)@@$/;

/** One bash script: each block after a marker line, then the directory it ended in. */
function script(blocks: ShellBlock[]): string {
  const parts = ['exec 2>&1', 'set -euo pipefail'];
  blocks.forEach((block, i) => parts.push(`printf '\\n@@getting-started block %d@@\\n' ${i}`, block.code));
  parts.push(`printf '\\n@@getting-started end %s@@\\n' "$PWD"`);
  return parts.join('\n');
}

function run(blocks: ShellBlock[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<WalkThrough> {
  return new Promise((done, fail) => {
    const bash = spawn('bash', ['-c', script(blocks)], { cwd: CHECKOUT, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs, killSignal: 'SIGKILL' });
    const chunks: Buffer[] = [];
    bash.stdout.on('data', (c: Buffer) => chunks.push(c));
    bash.stderr.on('data', (c: Buffer) => chunks.push(c));
    bash.on('error', fail);
    bash.on('close', (code) => {
      const all = Buffer.concat(chunks).toString('utf8');
      const runs: BlockRun[] = [];
      let cwd: string | undefined;
      for (const line of all.split('\n')) {
        const marker = MARKER.exec(line);
        const end = /^@@getting-started end (.*)@@$/.exec(line);
        if (marker) runs.push({ block: blocks[Number(marker[1])], output: '' });
        else if (end) cwd = end[1];
        else if (runs.length > 0) runs[runs.length - 1].output += line + '\n';
      }
      for (const r of runs) r.output = r.output.trimEnd();
      done({ code, blocks: runs, cwd, all });
    });
  });
}

/** The environment of the walk-through: the caller's, without npm's own settings, pointed at `sys`. */
function walkEnv(sys: RunningSystem, npmPrefix: string, scratch: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  // Under `npm test` npm exports npm_config_prefix (its global prefix) and more: `npm link`
  // must see only the prefix set here.
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  return {
    ...env,
    PATH: [join(npmPrefix, 'bin'), dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    npm_config_prefix: npmPrefix,
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    TMPDIR: scratch,
    CERTGATE_CONSOLE_URL: sys.consoleUrl,
    CERTGATE_ADMIN_TOKEN: sys.adminToken,
    // Every answer the CLI gets in the walk-through is checked against the OpenAPI document at the end.
    CERTGATE_HTTP_LOG: sys.exchanges.cliLog(),
    INGRESS: `https://127.0.0.1:${sys.ingressPort}`,
    INGRESS_CA: join(sys.dataDir, 'ingress', 'dev-root-ca.pem'),
  };
}

describe('docs/getting-started.md', () => {
  const blocks = shellBlocks(readFileSync(DOC, 'utf8'));
  const tested = blocks.filter((b) => b.mark === 'tested');
  const stepRun = (walk: WalkThrough | undefined, command: string): string => {
    const found = defined(walk, 'the walk-through to have run').blocks.find((r) => r.block.code.includes(command));
    return defined(found, `a tested block with "${command}" that ran`).output;
  };

  it('marks every shell block: tested, or not tested with a reason (only npm start, which the system here stands in for)', () => {
    expect(blocks.filter((b) => b.mark === undefined).map((b) => `line ${b.line}`)).toEqual([]);
    const notTested = blocks.filter((b) => b.mark === 'not-tested');
    expect(notTested.map((b) => b.code.trim())).toEqual(['npm start']);
    expect(notTested[0].reason).not.toBe('');
    // The walk-through's steps, every one of them tested.
    for (const command of [
      'npm link',
      'openssl x509 -req',
      'certgate trust add --cert-file',
      'certgate roles create',
      'certgate instances create',
      '--grant-type client_x509',
      'certgate keys add',
      'certgate flows deploy -f',
      'curl',
      'certgate logs access --status 200',
      'certgate export -o tenant.yaml',
      'certgate keystore create-key-pair',
      'certgate keystore csr',
      'certgate keystore import-chain',
      'certgate keystore download',
    ]) {
      expect(tested.some((b) => b.code.includes(command)) ? command : `no tested block runs "${command}"`).toBe(command);
    }
  });

  (missing.length === 0 ? describe : describe.skip)(
    `run as written, against a real system (skipped only without ${['bash', 'openssl', 'curl'].join(', ')})`,
    () => {
      let sys: RunningSystem;
      let scratch: string;
      let walk: WalkThrough | undefined;

      beforeAll(async () => {
        // npm start itself is not run: this system, started as npm start starts it, stands in for it.
        sys = await startSystem('getting-started');
        scratch = mkdtempSync(join(tmpdir(), 'certgate-getting-started-'));
      }, 90_000);

      afterAll(async () => {
        if (scratch) rmSync(scratch, { recursive: true, force: true });
        await checkExchangesAndStop(sys);
      });

      it('runs every tested block in order with bash, each to exit code 0', async () => {
        const npmPrefix = join(scratch, 'npm-prefix');
        const temp = join(scratch, 'tmp');
        mkdirSync(temp);
        walk = await run(tested, walkEnv(sys, npmPrefix, temp), 170_000);
        if (walk.code !== 0) {
          const last = walk.blocks[walk.blocks.length - 1];
          const where = last ? `the block at docs/getting-started.md line ${last.block.line}:\n${last.block.code}` : 'before the first block';
          throw new Error(`bash exited with code ${walk.code} in ${where}--- its output ---\n${last?.output ?? walk.all}`);
        }
        expect(walk.blocks.map((r) => r.block.line)).toEqual(tested.map((b) => b.line));
        // `npm link` put certgate into the temporary prefix, and that is the certgate the page ran.
        expect(existsSync(join(npmPrefix, 'bin', 'certgate'))).toBe(true);
        expect(stepRun(walk, 'certgate health')).toMatch(/^system: up/m);
      }, 180_000);

      it('the openssl PKI verifies: leaf, intermediate, root', () => {
        expect(stepRun(walk, 'openssl verify')).toMatch(/^sender-leaf\.pem: OK$/m);
      });

      it('the service key names the client id the sender is known by', () => {
        expect(stepRun(walk, 'certgate keys add')).toMatch(new RegExp(`^CLIENT ID\\s+${CLIENT_ID}$`, 'm'));
      });

      it('the sender calls the flow with its client certificate: 200, the client id in the body', () => {
        expect(stepRun(walk, 'curl').split('\n')).toEqual([`ok ${CLIENT_ID}`, 'HTTP 200']);
      });

      it('the access log shows the call: 200, POST /http/orders, by the client id', () => {
        const lines = stepRun(walk, 'certgate logs access --status 200').split('\n');
        expect(lines[0]).toMatch(/^TIME\s+STATUS\s+METHOD\s+PATH\s+WHO\b/);
        expect(lines.slice(1)).toEqual([expect.stringMatching(new RegExp(`\\s200\\s+POST\\s+/http/orders\\s+${CLIENT_ID}\\s`))]);
      });

      it('the exported configuration holds what the page made, and diff finds no change', () => {
        const cwd = defined(walk?.cwd, 'the directory the walk-through ended in');
        const file = readFileSync(join(cwd, 'tenant.yaml'), 'utf8');
        expect(file).toMatch(/^apiVersion: certgate\/v1$/m);
        for (const name of ['name: Orders.send', 'name: sender-a', 'name: k1', 'id: orders']) expect(file).toContain(name);
        expect(stepRun(walk, 'certgate diff -f tenant.yaml')).toContain('No changes.');
      });

      it('the tenant key pair gets the chain the openssl CA signed, and downloads as PKCS#7 with three certificates', () => {
        const output = stepRun(walk, 'certgate keystore import-chain');
        expect(output).toMatch(/^ISSUER\s+CN=Sender Issuing CA,O=Sender Inc$/m);
        expect(output).toMatch(/^CHAIN LENGTH\s+3$/m);
        // openssl pkcs7 -print_certs: a subject= and an issuer= line per certificate.
        expect(output.match(/^subject=.*\nissuer=/gm)).toHaveLength(3);
        const cwd = defined(walk?.cwd, 'the directory the walk-through ended in');
        expect(existsSync(join(cwd, 'to-erp.p7b'))).toBe(true);
      });
    },
  );
});
