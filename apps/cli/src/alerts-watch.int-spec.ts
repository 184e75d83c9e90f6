import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AlertSubjects, tenantSubject, type CertificateAlert } from '@certgate/contracts';
import { encodeJson } from '@certgate/messaging';
import { defined, ExchangeRecorder, freePort, launchServices, REPO_ROOT, startNatsHarness, type LaunchedSystem, type NatsHarness } from '@certgate/testing';
import { alertLine } from './alerts/alert-line';

const TOKEN = randomBytes(24).toString('base64url');
const CLI = join(REPO_ROOT, 'apps/cli/bin/certgate.js');

/** `certgate ...` as a user runs it, with every line it writes kept. */
class CliRun {
  readonly out: string[] = [];
  readonly err: string[] = [];
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;
  private waiters: (() => void)[] = [];

  constructor(args: string[], env: Record<string, string> = {}) {
    this.child = spawn(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    const lines = (into: string[]) => {
      let rest = '';
      return (chunk: Buffer) => {
        const parts = (rest + chunk.toString('utf8')).split('\n');
        rest = parts.pop() ?? '';
        into.push(...parts);
        for (const wake of this.waiters.splice(0)) wake();
      };
    };
    this.child.stdout.on('data', lines(this.out));
    this.child.stderr.on('data', lines(this.err));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => {
        for (const wake of this.waiters.splice(0)) wake();
        resolve(code);
      }),
    );
  }

  /** Resolves once `done()` holds; the test's timeout is the only limit. */
  async until(done: () => boolean): Promise<void> {
    let ended = false;
    void this.exited.then(() => (ended = true));
    while (!done()) {
      if (ended) throw new Error(`certgate exited early:\n${this.err.join('\n')}`);
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  interrupt(): Promise<number | null> {
    this.child.kill('SIGINT');
    return this.exited;
  }
}

describe('certgate alerts watch (cli against keystore and console processes, real NATS)', () => {
  let h: NatsHarness;
  let keystore: LaunchedSystem;
  let console_: LaunchedSystem | undefined;
  let api: string;
  let port: number;
  let serial = 0;
  const runs: CliRun[] = [];
  /** What `alerts watch` got from the console (CERTGATE_HTTP_LOG), checked against its OpenAPI document in afterAll. */
  const exchanges = new ExchangeRecorder('cli-alerts-watch');

  const startConsole = async () => {
    console_ = await launchServices({
      services: ['console'],
      nc: h.nc,
      env: { ...h.env, CERTGATE_ADMIN_TOKEN: TOKEN, CONSOLE_PORT: String(port), LOG_LEVEL: 'warn' },
      readyTimeoutMs: 60_000,
    });
  };

  const cli = (args: string[], env?: Record<string, string>) => {
    const run = new CliRun(args, { CERTGATE_HTTP_LOG: exchanges.cliLog(), ...env });
    runs.push(run);
    return run;
  };

  const alert = (over: Partial<CertificateAlert> = {}): CertificateAlert => {
    serial += 1;
    return {
      id: `cli-it-${serial}-${randomBytes(3).toString('hex')}`,
      type: 'expiring',
      source: 'service-key',
      ref: `sender-a/k${serial}`,
      subjectDN: `CN=sender a ${serial}, O=certgate tests`,
      issuerDN: 'CN=test ca',
      serial: '0' + serial,
      fingerprint: randomBytes(32).toString('hex'),
      notAfter: new Date(Date.now() + 13 * 86_400_000).toISOString(),
      daysLeft: 13,
      threshold: 14,
      raisedAt: new Date().toISOString(),
      ...over,
    };
  };

  /** What the keystore's monitor does when a certificate crosses a threshold. */
  const publish = async (a: CertificateAlert) => {
    await h.nc.jetstream().publish(tenantSubject(h.tenant, a.type === 'expired' ? AlertSubjects.expired : AlertSubjects.expiring), encodeJson(a));
  };

  const watching = (run: CliRun) => run.until(() => run.err.some((l) => l.startsWith(`watching certificate alerts at ${api}`)));

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'cli' });
    port = await freePort();
    api = `http://127.0.0.1:${port}/api/v1`;
    // The keystore makes the ALERTS stream (and raises alerts in production).
    keystore = await launchServices({
      services: ['keystore'],
      nc: h.nc,
      env: { ...h.env, CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'), LOG_LEVEL: 'warn' },
      readyTimeoutMs: 60_000,
    });
    await startConsole();
    await exchanges.loadDocument(api);
  }, 120_000);

  afterAll(async () => {
    try {
      for (const run of runs) await run.interrupt();
      await console_?.stop();
      await keystore?.stop();
      await h?.stop();
    } finally {
      if (console_) exchanges.verify();
    }
  });

  it('prints each published alert as one line (or raw JSON with --json) and exits 0 on Ctrl-C', async () => {
    const plain = cli(['--url', api, '--token', TOKEN, 'alerts', 'watch']);
    const json = cli(['alerts', 'watch', '--json'], { CERTGATE_CONSOLE_URL: api, CERTGATE_ADMIN_TOKEN: TOKEN });
    await Promise.all([watching(plain), watching(json)]);

    const expiring = alert();
    const expired = alert({ type: 'expired', daysLeft: -1, threshold: 0, source: 'ingress-server-chain', ref: 'file#0', subjectDN: 'CN=ingress.example, O=x' });
    await publish(expiring);
    await publish(expired);
    await plain.until(() => plain.out.length === 2);
    await json.until(() => json.out.length === 2);

    expect(plain.out).toEqual([alertLine(expiring), alertLine(expired)]);
    expect(plain.out[0]).toBe(
      `${expiring.raisedAt} expiring threshold=14 daysLeft=13 source=service-key ref=${expiring.ref} cn="sender a ${serial - 1}" notAfter=${expiring.notAfter}`,
    );
    expect(json.out.map((l) => JSON.parse(l))).toEqual([expiring, expired]);
    expect(await plain.interrupt()).toBe(0);
    expect(await json.interrupt()).toBe(0);
  });

  it('reconnects when the console restarts and prints the alerts raised meanwhile, each once', async () => {
    const run = cli(['--url', api, '--token', TOKEN, 'alerts', 'watch']);
    await watching(run);
    const before = alert();
    await publish(before);
    await run.until(() => run.out.length === 1);

    // A watch stream held open must not hold up the console's shutdown.
    const stopped = await defined(console_, 'a running console').stop();
    expect(stopped.map((s) => s.code)).toEqual([0]);
    const whileDown = alert({ source: 'keystore', ref: 'partner#0' });
    await publish(whileDown);
    await run.until(() => run.err.some((l) => l.includes('reconnecting to')));

    await startConsole();
    await run.until(() => run.err.includes(`reconnected to ${api}`));
    const after = alert({ source: 'flow', ref: 'orders#1' });
    await publish(after);
    await run.until(() => run.out.length === 3);

    expect(run.out).toEqual([before, whileDown, after].map(alertLine));
    expect(await run.interrupt()).toBe(0);
  });

  it('takes the admin token npm start saved in CERTGATE_DATA_DIR/dev-secrets.json', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'certgate-cli-it-'));
    try {
      writeFileSync(join(dataDir, 'dev-secrets.json'), JSON.stringify({ CERTGATE_ADMIN_TOKEN: TOKEN, CERTGATE_MASTER_KEY: 'unused' }));
      const run = cli(['alerts', 'watch'], { CERTGATE_CONSOLE_URL: api, CERTGATE_DATA_DIR: dataDir, CERTGATE_ADMIN_TOKEN: '' });
      await watching(run);
      expect(await run.interrupt()).toBe(0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops with exit code 1 and says why when the console refuses the token', async () => {
    const run = cli(['--url', api, '--token', 'not-the-admin-token', 'alerts', 'watch']);
    expect(await run.exited).toBe(1);
    expect(run.err).toContain('certgate: the console refused the admin token from --token: the bearer token is neither the admin token nor an API token');
    expect(run.out).toEqual([]);
  });
});
