import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { Agent, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CrlStatus, TraceLogRecord } from '@certgate/contracts';
import {
  checkExchangesAndStop,
  createTestPki,
  defined,
  freePort,
  launchServices,
  opensslCrl,
  startOpensslOcspResponder,
  startSystem,
  type LaunchedService,
  type LaunchedSystem,
  type RunningSystem,
  type TestCertOptions,
  type TestLeaf,
  type TestPki,
} from '@certgate/testing';
import { consoleApi, eventually, ingressRequest, type IngressResult } from './clients';
import { setUpRoleSender } from './role-sender';

/** How long a refresh or a policy change may take to be in force on every replica: it travels through one KV key, so at once. */
const IN_FORCE_MS = 2_000;
const ADMITTED_METRIC = 'certgate_ingress_chains_admitted_under_relaxed_policy_total';

type Api = ReturnType<typeof consoleApi>;

interface RootView {
  fingerprint: string;
  policy: { eku: string; revocation: null | { crlUrls: string[]; distributionPoints: boolean; onUnavailable: string } };
}

/** One ingress replica as a sender and an operator reach it. */
interface Replica {
  label: string;
  port: number;
  /** The replica's own dev server root (each has its own data dir, so its own). */
  ca: string;
  nodeId: string;
  /** Its ops server (/metrics), read from its start-up log. */
  opsPort: number;
}

/**
 * A CA's CRL distribution point on loopback: each path serves the CRL last put there,
 * so a test revokes a certificate by serving a new CRL, as a real CA publishes one.
 */
class CrlServer {
  private readonly crls = new Map<string, string>();
  private constructor(private readonly server: Server) {}

  static async start(): Promise<CrlServer> {
    const server = createServer();
    const crlServer = new CrlServer(server);
    server.on('request', (req, res) => {
      const crl = crlServer.crls.get(req.url ?? '');
      if (crl === undefined) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(crl);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return crlServer;
  }

  serve(path: string, crl: string): void {
    this.crls.set(path, crl);
  }

  url(path: string): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** A port from the service's JSON start-up line `msg` (e.g. 'ops endpoint listening'). */
function loggedPort(service: LaunchedService, msg: string): number {
  const line = service.lines.find((l) => l.includes(msg));
  if (!line) throw new Error(`${service.nodeId} has not logged '${msg}'`);
  return (JSON.parse(line) as { port: number }).port;
}

/** A second ingress on the same tenant (as apps/ingress/src/ingress-tls.int-spec.ts starts one): own port, data and log dirs, master key. */
async function startSecondIngress(sys: RunningSystem, dir: string): Promise<{ system: LaunchedSystem; port: number }> {
  const port = await freePort();
  const system = await launchServices({
    services: ['ingress'],
    nc: sys.harness.nc,
    env: {
      ...sys.harness.env,
      INGRESS_PORT: String(port),
      CERTGATE_DATA_DIR: join(dir, 'data'),
      CERTGATE_LOG_DIR: join(dir, 'logs'),
      CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'),
    },
  });
  return { system, port };
}

function replicaOf(label: string, service: LaunchedService, port: number, dataDir: string): Replica {
  return {
    label,
    port,
    ca: readFileSync(join(dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8'),
    nodeId: service.nodeId,
    opsPort: loggedPort(service, 'ops endpoint listening'),
  };
}

/** One call of the role flow `/orders` on a fresh TLS connection, as `leaf`. */
const callOrders = (replica: Replica, leaf: TestLeaf): Promise<IngressResult> =>
  ingressRequest(replica.port, replica.ca, { path: '/http/orders', cert: leaf.chainPem, key: leaf.keyPem });

/** Waits until `leaf` gets `status` from every replica; answers each replica's last response. */
function everyReplicaAnswers(replicas: Replica[], leaf: TestLeaf, status: number, withinMs = IN_FORCE_MS): Promise<IngressResult[]> {
  return Promise.all(
    replicas.map(async (replica) => {
      let last: IngressResult | undefined;
      try {
        await eventually(async () => (last = await callOrders(replica, leaf)).status === status, withinMs);
      } catch {
        throw new Error(`${replica.label} answered ${last?.status} ${last?.text}, not ${status}, within ${withinMs} ms`);
      }
      return defined(last, `an answer of ${replica.label}`);
    }),
  );
}

/**
 * A sender on its own keep-alive connection (one socket): what a long-lived client
 * does, and why a verdict must not live as long as the connection.
 */
class KeepAliveSender {
  private readonly agent: Agent;

  constructor(
    private readonly replica: Replica,
    leaf: TestLeaf,
  ) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1, ca: replica.ca, cert: leaf.chainPem, key: leaf.keyPem });
  }

  /** One call of `/orders`; `reused` says whether it went over the connection an earlier call opened. */
  call(): Promise<{ status: number; reused: boolean }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: this.replica.port, path: '/http/orders', method: 'POST', agent: this.agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, reused: req.reusedSocket }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** The value of one Prometheus sample of a replica whose labels include `labels` (0 when there is none yet). */
async function metricValue(replica: Replica, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${replica.opsPort}/metrics`)).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const sample = text
    .split('\n')
    .filter((l) => l.startsWith(`${name}{`))
    .find((l) => wanted.every((w) => l.includes(w)));
  return sample ? Number(sample.split(' ').pop()) : 0;
}

describe('per-root policy: CRL revocation and EKU, on two ingress replicas (real NATS, real TLS, CRLs by openssl)', () => {
  let pki: TestPki;
  let sys: RunningSystem;
  let api: Api;
  let crls: CrlServer;
  let second: LaunchedSystem | undefined;
  let secondDir: string;
  let replicas: Replica[];
  let rootFingerprint: string;

  beforeAll(async () => {
    pki = await createTestPki();
    rootFingerprint = pki.root.certificate.fingerprint;
    crls = await CrlServer.start();
    sys = await startSystem('revocation');
    api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    // sender-a holds Role1 with key k1; the senders of the tests below are further keys of sender-a.
    await setUpRoleSender(api, pki, await pki.issueClient('first-sender'));
    secondDir = mkdtempSync(join(tmpdir(), 'certgate-e2e-ingress2-'));
    const started = await startSecondIngress(sys, secondDir);
    second = started.system;
    const firstIngress = defined(
      sys.system.services.find((s) => s.service === 'ingress'),
      'the ingress of startSystem',
    );
    replicas = [
      replicaOf('ingress #1', firstIngress, sys.ingressPort, sys.dataDir),
      replicaOf('ingress #2', second.services[0], started.port, join(secondDir, 'data')),
    ];
  }, 120_000);

  afterEach(async () => {
    // Back to the default policy (require clientAuth, no revocation checking), so each test starts from it.
    if (replicas) await setPolicy({});
  });

  afterAll(async () => {
    await second?.stop();
    await crls?.close();
    await checkExchangesAndStop(sys);
    if (secondDir) rmSync(secondDir, { recursive: true, force: true });
  });

  const setPolicy = async (policy: Record<string, unknown>): Promise<RootView> => {
    const res = await api<RootView>('PUT', `/ingress/trusted-roots/${rootFingerprint}/policy`, policy);
    if (res.status !== 200) throw new Error(`PUT policy → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };

  /** Both CRLs of the test PKI, as served by the loopback server. */
  const crlUrls = () => [crls.url('/intermediate.crl'), crls.url('/root.crl')];

  /** Sets the root's revocation policy; the answering replica and the others fetch the URLs it adds on their own. */
  const setRevocationPolicy = async (revocation: Record<string, unknown>): Promise<{ root: RootView }> => ({ root: await setPolicy({ revocation }) });

  /** A new sender: a certificate of the test PKI, registered as one more key of sender-a (so it holds Role1). */
  const newSender = async (cn: string, opts?: TestCertOptions): Promise<TestLeaf> => {
    const leaf = await pki.issueClient(cn, opts);
    const res = await api('POST', '/service-instances/sender-a/keys', { name: cn, type: 'external-certificate', certificate: leaf.certPem });
    if (res.status !== 201) throw new Error(`adding key ${cn} → ${res.status} ${JSON.stringify(res.body)}`);
    return leaf;
  };

  /** The intermediate's CRL listing `revoked`; the root's CRL lists nobody (the intermediate is checked against it too). */
  const publishCrls = (revoked: TestLeaf[] = []) => {
    crls.serve(
      '/intermediate.crl',
      opensslCrl({ ca: pki.intermediate, revoked: revoked.map((l) => ({ certificate: l.certificate, reason: 'keyCompromise' })) }) as string,
    );
    crls.serve('/root.crl', opensslCrl({ ca: pki.root }) as string);
  };

  const traceRecords = async () => (await api<TraceLogRecord[]>('GET', '/logs/trace?limit=1000')).body;

  /** The `tls.rejected` record of a refused request, from the trace log the console shows. */
  const rejectionOf = async (res: IngressResult): Promise<TraceLogRecord> => {
    const requestId = String(res.headers['x-request-id']);
    let found: TraceLogRecord | undefined;
    await eventually(async () => !!(found = (await traceRecords()).find((r) => r.requestId === requestId && r.event === 'tls.rejected')), 3000, 100);
    return defined(found, `the tls.rejected record of request ${requestId}`);
  };

  it('a sender revoked in the CRL of its issuing CA is refused on every replica right after POST /ingress/revocation/refresh', async () => {
    const alice = await newSender('alice');
    publishCrls();
    const { root: configured } = await setRevocationPolicy({ crlUrls: crlUrls(), onUnavailable: 'fail-closed' });
    // Omitted fields take their defaults.
    expect(configured.policy).toEqual({
      eku: 'require-clientAuth',
      revocation: { crlUrls: crlUrls(), distributionPoints: true, ocsp: false, onUnavailable: 'fail-closed' },
    });
    const listed = await api<RootView[]>('GET', '/ingress/trusted-roots');
    expect(listed.body.find((r) => r.fingerprint === rootFingerprint)?.policy).toEqual(configured.policy);

    // Not revoked, and both CRLs current: admitted everywhere.
    await everyReplicaAnswers(replicas, alice, 200);

    publishCrls([alice]);
    const refresh = await api<CrlStatus[]>('POST', '/ingress/revocation/refresh');
    expect(refresh.status).toBe(200);
    // The answering replica answers after it has fetched again: it holds the new CRL already.
    expect(refresh.body.find((c) => c.source === crls.url('/intermediate.crl'))).toMatchObject({
      origin: 'configured',
      issuerDN: pki.intermediate.certificate.subjectDN,
      revoked: 1,
    });
    expect(refresh.body.find((c) => c.source === crls.url('/root.crl'))).toMatchObject({
      origin: 'configured',
      issuerDN: pki.root.certificate.subjectDN,
      revoked: 0,
    });

    const refused = await everyReplicaAnswers(replicas, alice, 401);
    for (const [i, res] of refused.entries()) {
      expect(res.json.error_description).toMatch(/^certificate was not verified by ingress: .*was revoked/);
      // Each replica refused it itself, and says why in the trace log.
      expect(await rejectionOf(res)).toMatchObject({ event: 'tls.rejected', reason: 'revoked', nodeId: replicas[i].nodeId });
    }
  });

  it('a keep-alive connection opened before the revocation is refused on its next request after the refresh', async () => {
    const bob = await newSender('bob');
    publishCrls();
    await setRevocationPolicy({ crlUrls: crlUrls() });
    await everyReplicaAnswers(replicas, bob, 200);
    const connections = replicas.map((r) => new KeepAliveSender(r, bob));
    try {
      for (const c of connections) expect((await c.call()).status).toBe(200);

      publishCrls([bob]);
      expect((await api('POST', '/ingress/revocation/refresh')).status).toBe(200);

      for (const c of connections) {
        let last = { status: 0, reused: false };
        await eventually(async () => (last = await c.call()).status === 401, IN_FORCE_MS);
        // The same connection: the verdict was judged again, not a new handshake.
        expect(last).toEqual({ status: 401, reused: true });
      }
    } finally {
      for (const c of connections) c.close();
    }
  });

  it('a CRL URL that cannot be fetched: fail-closed refuses with revocation_unknown; fail-open admits, warns and counts', async () => {
    const carol = await newSender('carol');
    publishCrls();
    // Nothing listens there: the intermediate's CRL cannot be had.
    const unreachable = `http://127.0.0.1:${await freePort()}/intermediate.crl`;
    const revocation = { crlUrls: [unreachable, crls.url('/root.crl')], distributionPoints: false };
    await setRevocationPolicy({ ...revocation, onUnavailable: 'fail-closed' });

    const [refused] = await everyReplicaAnswers(replicas, carol, 401);
    expect(refused.json.error_description).toMatch(/cannot be known/);
    expect(await rejectionOf(refused)).toMatchObject({ reason: 'revocation_unknown' });
    // The operator sees why in the replica's CRL status.
    await eventually(async () => {
      const status = await api<CrlStatus[]>('GET', '/ingress/revocation');
      return !!status.body.find((c) => c.source === unreachable && c.origin === 'configured' && /^fetching .* failed/.test(c.error ?? ''));
    }, 3000);

    await setRevocationPolicy({ ...revocation, onUnavailable: 'fail-open' });
    await everyReplicaAnswers(replicas, carol, 200);
    for (const replica of replicas) {
      expect(await metricValue(replica, ADMITTED_METRIC, { root: rootFingerprint, policy: 'revocation-fail-open' })).toBeGreaterThanOrEqual(1);
    }
    const warnings = [...sys.system.logsOf('ingress'), ...defined(second, 'the second ingress').logsOf('ingress')].filter((l) =>
      l.includes('admitted without a current CRL'),
    );
    expect(warnings.some((l) => l.includes(carol.certificate.subjectDN))).toBe(true);
  });

  it('a sender whose certificate has no EKU: wrong_eku under the default policy, admitted under allow-missing-eku', async () => {
    const dave = await newSender('dave-no-eku', { extendedKeyUsage: [] });
    const [refused] = await everyReplicaAnswers(replicas, dave, 401);
    expect(refused.json.error_description).toMatch(/has no extended key usage/);
    expect(await rejectionOf(refused)).toMatchObject({ reason: 'wrong_eku' });

    const relaxed = await setPolicy({ eku: 'allow-missing-eku' });
    expect(relaxed.policy).toEqual({ eku: 'allow-missing-eku', revocation: null });
    const [admitted] = await everyReplicaAnswers(replicas, dave, 200);
    expect(admitted.text).toBe('ok sb-sender-a!dave-no-eku');
    for (const replica of replicas) {
      expect(await metricValue(replica, ADMITTED_METRIC, { root: rootFingerprint, policy: 'allow-missing-eku' })).toBeGreaterThanOrEqual(1);
    }
  });

  it('PUT policy of an unknown root → 404; a CRL URL that is not http(s) → 400 and the policy stays as it was', async () => {
    const unknown = await api<{ error: string }>('PUT', `/ingress/trusted-roots/${'ab'.repeat(32)}/policy`, { eku: 'allow-missing-eku' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toBe('trusted_root_not_found');

    const ftp = await api<{ error: string; message: string }>('PUT', `/ingress/trusted-roots/${rootFingerprint}/policy`, {
      revocation: { crlUrls: ['ftp://127.0.0.1/ca.crl'] },
    });
    expect(ftp.status).toBe(400);
    expect(ftp.body.error).toBe('validation_failed');
    const listed = await api<RootView[]>('GET', '/ingress/trusted-roots');
    expect(listed.body.find((r) => r.fingerprint === rootFingerprint)?.policy).toEqual({ eku: 'require-clientAuth', revocation: null });
  });

  // The refresh mark stays in the stored policies after the first refresh; a later policy change must still fetch what it adds.
  it('a CRL URL configured after an earlier refresh is fetched at once, without another refresh', async () => {
    const erin = await newSender('erin');
    publishCrls();
    // A refresh asked for while no root checks revocation: nothing to fetch, but from now on the stored policies carry its mark.
    expect((await api('POST', '/ingress/revocation/refresh')).status).toBe(200);
    await setPolicy({ revocation: { crlUrls: crlUrls() } });
    await everyReplicaAnswers(replicas, erin, 200);
  });

  it('OCSP where no CRL is current: a sender good at the responder passes; revoked there and refreshed, refused on every replica', async () => {
    // The issuing CA publishes no CRL here, only an OCSP responder (openssl ocsp on loopback) named in its certificates.
    const responder = await startOpensslOcspResponder(pki.intermediate, []);
    try {
      const frank = await newSender('frank', { ocspUrls: [responder.url] });
      await responder.setEntries([{ certificate: frank.certificate, status: 'good' }]);
      publishCrls();
      await setRevocationPolicy({ crlUrls: [crls.url('/root.crl')], distributionPoints: false, ocsp: true });
      await everyReplicaAnswers(replicas, frank, 200);

      await responder.setEntries([{ certificate: frank.certificate, status: 'revoked' }]);
      expect((await api('POST', '/ingress/revocation/refresh')).status).toBe(200);
      const refused = await everyReplicaAnswers(replicas, frank, 401);
      for (const res of refused) expect(await rejectionOf(res)).toMatchObject({ reason: 'revoked', message: expect.stringContaining('(OCSP)') });
    } finally {
      await responder.stop();
    }
  });
});
