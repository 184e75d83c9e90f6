import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { auditHash, tenantStream, type AuditRecord } from '@certgate/contracts';
import {
  ExchangeRecorder,
  freePort,
  launchServices,
  operatorWithToken,
  startNatsHarness,
  untilConsoleUp,
  type LaunchedSystem,
  type NatsHarness,
} from '@certgate/testing';

jest.setTimeout(120_000);

const ADMIN = randomBytes(24).toString('base64url');
const CHECKOUT = resolve(__dirname, '../../../../..');

/** `node apps/cli/bin/certgate.js <args>`, as an operator runs it. */
const runCertgate = (args: string[], env: Record<string, string>) =>
  new Promise<{ code: number | null; out: string; err: string }>((done) =>
    execFile(process.execPath, [join(CHECKOUT, 'apps/cli/bin/certgate.js'), ...args], { cwd: CHECKOUT, env }, (err, out, errOut) =>
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: out.trim(), err: errOut.trim() }),
    ),
  );

interface Answer<T = Record<string, unknown>> {
  status: number;
  body: T;
}
type Listed = AuditRecord & { seq: number };

describe('audit trail (identity, keystore, flow-runtime and two console replicas as processes, real NATS)', () => {
  let h: NatsHarness;
  const systems: LaunchedSystem[] = [];
  let apiA: string;
  let apiB: string;
  const exchanges = new ExchangeRecorder('console-audit');
  let dir: string;

  const call = async <T = Record<string, unknown>>(api: string, method: string, path: string, token: string, body?: unknown): Promise<Answer<T>> => {
    const res = await exchanges.fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text && /json/.test(res.headers.get('content-type') ?? '') ? JSON.parse(text) : text) as T };
  };
  const admin = <T = Record<string, unknown>>(method: string, path: string, body?: unknown) => call<T>(apiA, method, path, ADMIN, body);
  const records = async (query = '') => (await admin<Listed[]>('GET', `/audit?limit=1000${query}`)).body;
  const cli = (args: string[], token = ADMIN) =>
    runCertgate(args, { CERTGATE_CONSOLE_URL: apiA, CERTGATE_ADMIN_TOKEN: token, HOME: dir, PATH: process.env.PATH ?? '' });

  const withToken = (name: string, roles: string[]) => operatorWithToken(admin, name, roles);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'certgate-audit-'));
    h = await startNatsHarness({ label: 'console-audit' });
    const [portA, portB] = [await freePort(), await freePort()];
    apiA = `http://127.0.0.1:${portA}/api/v1`;
    apiB = `http://127.0.0.1:${portB}/api/v1`;
    const env = { ...h.env, CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'), CERTGATE_ADMIN_TOKEN: ADMIN, LOG_LEVEL: 'warn' };
    systems.push(
      await launchServices({
        services: ['identity', 'keystore', 'flow-runtime', 'console'],
        nc: h.nc,
        env,
        envOf: { console: { CONSOLE_PORT: String(portA) } },
        readyTimeoutMs: 60_000,
      }),
    );
    systems.push(await launchServices({ services: ['console'], nc: h.nc, env, envOf: { console: { CONSOLE_PORT: String(portB) } }, readyTimeoutMs: 60_000 }));
    await untilConsoleUp(apiA, ADMIN);
    await untilConsoleUp(apiB, ADMIN);
    await exchanges.loadDocument(apiA);
  }, 120_000);

  afterAll(async () => {
    try {
      for (const s of systems) await s.stop();
      await h?.stop();
      rmSync(dir, { recursive: true, force: true });
    } finally {
      if (systems.length) exchanges.verify();
    }
  });

  it('records every change once, with the operator, across both replicas, refusals included', async () => {
    const mona = await withToken('mona', ['monitor']);
    const dev = await withToken('dev', ['developer']);

    // The monitor reads the keystore, and every write it tries is refused naming what it lacks.
    expect((await call(apiB, 'GET', '/keystore/entries', mona.token)).status).toBe(200);
    const refused = await call(apiB, 'POST', '/roles', mona.token, { name: 'MonaRole' });
    expect(refused.status).toBe(403);
    // The developer deploys a flow, and cannot trust a root.
    const flow = {
      id: 'orders',
      sender: { address: '/orders', authorization: { type: 'role', role: 'ESBMessaging.send' } },
      steps: [{ type: 'respond', status: 200, body: 'ok' }],
    };
    expect((await call(apiB, 'PUT', '/flows/orders', dev.token, flow)).status).toBe(200);
    expect((await call(apiA, 'POST', '/ingress/trusted-roots', dev.token, { certificates: '-----BEGIN CERTIFICATE-----' })).status).toBe(403);
    expect((await call(apiA, 'GET', '/health', `cgt.${h.tenant}.0123456789abcdef.nope`)).status).toBe(401); // a read: not audited
    expect((await call(apiA, 'DELETE', '/flows/orders', `cgt.${h.tenant}.0123456789abcdef.nope`)).status).toBe(401);

    const all = await records();
    const line = (r: Listed) => `${r.who.operator ?? r.who.kind} ${r.what.operation} ${r.outcome.status}`;
    expect(all.map(line)).toEqual([
      'admin-token POST /operators 201',
      'admin-token POST /operators/{name}/tokens 201',
      'admin-token POST /operators 201',
      'admin-token POST /operators/{name}/tokens 201',
      'mona POST /roles 403',
      'dev PUT /flows/{id} 200',
      'dev POST /ingress/trusted-roots 403',
      'anonymous DELETE /flows/{id} 401',
    ]);
    const deployed = all[5];
    expect(deployed).toMatchObject({
      who: { kind: 'operator', operator: 'dev', tokenId: dev.id, roles: ['developer'], surface: 'api', address: expect.any(String) },
      what: { object: '/flows/orders', permission: 'flows:write', after: expect.stringMatching(/^[0-9a-f]{64}$/) },
      outcome: { status: 200, result: 'ok' },
    });
    expect(deployed.what.before).toBeUndefined();
    expect(all[4].outcome).toMatchObject({ result: 'refused', code: 'forbidden', message: expect.stringMatching(/roles:write/) });
    expect(all[7].who).toMatchObject({ kind: 'anonymous', tokenId: '0123456789abcdef' });
    // The token is never in the trail, only its id.
    expect(JSON.stringify(all)).not.toContain(dev.token.split('.')[3]);
    expect(JSON.stringify(all)).not.toContain(ADMIN);

    // Filters: operator, object, outcome.
    expect((await records('&operator=dev')).map(line)).toEqual(['dev PUT /flows/{id} 200', 'dev POST /ingress/trusted-roots 403']);
    expect((await records('&object=/flows')).map(line)).toEqual(['dev PUT /flows/{id} 200', 'anonymous DELETE /flows/{id} 401']);
    expect((await records('&outcome=403')).length).toBe(2);
  });

  it('refuses a monitor every write the API has, naming the permission and the roles that grant it, and records each refusal once', async () => {
    const mona = await admin<{ token: string }>('POST', '/operators/mona/tokens', {});
    const doc = (await (await fetch(`${apiA.replace(/\/api\/v1$/, '')}/api/docs-json`)).json()) as {
      paths: Record<string, Record<string, { security?: unknown[]; 'x-certgate-permission'?: { permission: string; roles: string[] } }>>;
    };
    const writes = Object.entries(doc.paths).flatMap(([path, item]) =>
      ['post', 'put', 'patch', 'delete'].flatMap((m) => {
        const needs = item[m]?.security?.length !== 0 ? item[m]?.['x-certgate-permission'] : undefined;
        return needs ? [{ method: m.toUpperCase(), path: path.replace(/^\/api\/v1/, '').replace(/\{[^}]+\}/g, 'x'), needs }] : [];
      }),
    );
    expect(writes.length).toBeGreaterThanOrEqual(43);
    const since = new Date().toISOString();
    for (const w of writes) {
      const answer = await call(apiB, w.method, w.path, mona.body.token, {});
      expect({ ...w, status: answer.status, details: answer.body.details }).toEqual({
        ...w,
        status: 403,
        details: { permission: w.needs.permission, roles: w.needs.roles },
      });
    }
    const refused = await records(`&operator=mona&since=${since}`);
    expect(refused.map((r) => `${r.what.operation.split(' ')[0]} ${r.what.object}`)).toEqual(writes.map((w) => `${w.method} ${w.path}`));
    expect(refused.every((r) => r.outcome.status === 403 && r.what.permission)).toBe(true);
  });

  it("records a web console sign-in and sign-out as the operator's session, and a change made with the cookie as from the web", async () => {
    const { token } = await withToken('webby', ['developer']);
    const signIn = await fetch(`${apiA}/auth/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token }) });
    expect(signIn.status).toBe(201);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };
    const flow = {
      id: 'web-flow',
      sender: { address: '/web-flow', authorization: { type: 'role', role: 'ESBMessaging.send' } },
      steps: [{ type: 'respond', status: 200, body: 'ok' }],
    };
    const put = await fetch(`${apiB}/flows/web-flow`, {
      method: 'PUT',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify(flow),
    });
    expect(put.status).toBe(200);
    expect((await fetch(`${apiB}/auth/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(204);

    const mine = await records('&operator=webby');
    expect(mine.map((r) => `${r.who.kind}/${r.who.via} ${r.who.surface} ${r.what.operation} ${r.outcome.status}`)).toEqual([
      'session/token web POST /auth/session 201',
      'session/token web PUT /flows/{id} 200',
      'session/token web DELETE /auth/session 204',
    ]);
    expect(new Set(mine.map((r) => r.who.sessionId)).size).toBe(1);
    expect(JSON.stringify(mine)).not.toContain(csrfToken);
    expect(JSON.stringify(mine)).not.toContain(cookie.split('=')[1]);
  });

  it('carries digests of the object before and after: a delete names the state the create left', async () => {
    expect((await admin('POST', '/roles', { name: 'Audit.Digest' })).status).toBe(201);
    expect((await call(apiB, 'DELETE', '/roles/Audit.Digest', ADMIN)).status).toBe(204);
    const [created, deleted] = await records('&object=/roles/Audit.Digest');
    expect(created.what).toMatchObject({ operation: 'POST /roles', object: '/roles/Audit.Digest', after: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(deleted.what).toMatchObject({ operation: 'DELETE /roles/{name}', before: created.what.after });
    expect(deleted.what.after).toBeUndefined();
  });

  it('keeps one chain when both replicas take changes at the same moment: exactly one record each', async () => {
    const before = (await records()).length;
    const names = Array.from({ length: 16 }, (_, i) => `Race.R${i}`);
    const answers = await Promise.all(names.map((name, i) => call(i % 2 ? apiA : apiB, 'POST', '/roles', ADMIN, { name })));
    expect(answers.map((a) => a.status)).toEqual(names.map(() => 201));
    const after = await records();
    expect(after.length).toBe(before + names.length);
    expect(
      after
        .filter((r) => r.what.operation === 'POST /roles' && r.what.object.startsWith('/roles/Race.'))
        .map((r) => r.what.object)
        .sort(),
    ).toEqual(names.map((n) => `/roles/${n}`).sort());
    expect(after.map((r) => r.index)).toEqual(after.map((_, i) => i + 1));
    const verdict = await admin<{ ok: boolean; records: number }>('GET', '/audit/verify');
    expect(verdict.body).toMatchObject({ ok: true, records: after.length });
  });

  it('certgate audit lists, exports and verifies; an edited record in the stream is named by verify', async () => {
    const listed = await cli(['audit', '--operator', 'dev']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/dev\s+api \S+\s+PUT \/flows\/\{id\}\s+\/flows\/orders\s+200 ok/);

    // The CLI's own changes are recorded as made from the CLI.
    expect((await cli(['roles', 'create', 'Cli.Role'])).code).toBe(0);
    expect((await records('&object=/roles/Cli.Role'))[0].who).toMatchObject({ kind: 'admin-token', surface: 'cli' });

    const intact = await cli(['audit', 'verify']);
    expect(intact).toMatchObject({ code: 0, out: expect.stringMatching(/^chain intact: \d+ records checked \(records 1–\d+, head [0-9a-f]{16}…\)/) });
    const exportFile = join(dir, 'audit.jsonl');
    expect((await cli(['audit', 'export', '--out', exportFile])).code).toBe(0);
    const lines = readFileSync(exportFile, 'utf8').trim().split('\n');
    expect(lines.length).toBe((await records()).length);

    // Edit record 6 in the stream, as someone with JetStream access could: rewrite the stream with the change.
    const jsm = await h.nc.jetstreamManager();
    const stream = tenantStream(h.tenant, 'AUDIT');
    const stored: { subject: string; record: AuditRecord }[] = [];
    const info = await jsm.streams.info(stream);
    for (let seq = info.state.first_seq; seq <= info.state.last_seq; seq++) {
      const m = await jsm.streams.getMessage(stream, { seq });
      stored.push({ subject: m.subject, record: JSON.parse(new TextDecoder().decode(m.data)) as AuditRecord });
    }
    const victim = stored[5].record;
    expect(victim.who.operator).toBe('dev');
    await jsm.streams.purge(stream);
    const js = h.nc.jetstream();
    for (const { subject, record } of stored) {
      const edited = record.id === victim.id ? { ...record, who: { ...record.who, operator: 'mona' } } : record;
      await js.publish(subject, JSON.stringify(edited));
    }

    const broken = await cli(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.err).toContain(`record 6 (id ${victim.id}, stream sequence`);
    expect(broken.err).toContain('was edited: its hash does not match its content');
    const verdict = await admin<{ ok: boolean; breaks: { index: number; problem: string }[] }>('GET', '/audit/verify');
    expect(verdict.body.ok).toBe(false);
    expect(verdict.body.breaks).toEqual([expect.objectContaining({ index: 6, problem: 'edited' })]);

    // The export taken before the edit still verifies offline.
    expect(await cli(['audit', 'verify', '--file', exportFile])).toMatchObject({ code: 0 });
    expect(auditHash(victim)).toBe(victim.hash);
  });

  it('refuses a change whose record cannot be written, saying so, and changes nothing (fail closed)', async () => {
    const jsm = await h.nc.jetstreamManager();
    await jsm.streams.delete(tenantStream(h.tenant, 'AUDIT'));
    const refused = await call(apiB, 'POST', '/roles', ADMIN, { name: 'Unaudited.Role' });
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({
      error: 'audit_unavailable',
      message: expect.stringMatching(/the audit trail cannot be written \(.*does not exist\): the change was refused and nothing was changed/),
    });
    expect((await admin('GET', '/roles/Unaudited.Role')).status).toBe(404);
  });
});
