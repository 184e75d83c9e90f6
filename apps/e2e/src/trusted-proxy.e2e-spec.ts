import { readFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { DetailedPeerCertificate, TLSSocket } from 'node:tls';
import { checkExchangesAndStop, createTestPki, startSystem, type RunningSystem, type TestLeaf, type TestPki } from '@certgate/testing';
import { consoleApi, eventually, ingressRequest, type IngressResult } from './clients';
import { setUpRoleSender } from './role-sender';

const sfBinary = (der: Buffer) => `:${der.toString('base64')}:`;

/**
 * A TLS-terminating proxy as an operator would put in front of the ingress: it verifies
 * nothing itself, forwards the sender's certificate chain in RFC 9440's Client-Cert /
 * Client-Cert-Chain headers, and calls the ingress over mTLS with its own certificate.
 */
function startProxy(opts: { server: TestLeaf; own: TestLeaf; ingressPort: number; ingressCa: string }): Promise<Server> {
  const proxy = createServer({ key: opts.server.keyPem, cert: opts.server.chainPem, requestCert: true, rejectUnauthorized: false }, (req, res) => {
    const peer = (req.socket as TLSSocket).getPeerCertificate(true);
    const headers: Record<string, string> = { 'content-type': String(req.headers['content-type'] ?? 'text/plain') };
    if (peer?.raw) {
      headers['client-cert'] = sfBinary(peer.raw);
      const chain: Buffer[] = [];
      for (let c: DetailedPeerCertificate = peer; c.issuerCertificate && c.issuerCertificate !== c; c = c.issuerCertificate)
        chain.push(c.issuerCertificate.raw);
      if (chain.length) headers['client-cert-chain'] = chain.map(sfBinary).join(', ');
    }
    const upstream = request(
      {
        host: '127.0.0.1',
        port: opts.ingressPort,
        path: req.url,
        method: req.method,
        headers,
        ca: opts.ingressCa,
        cert: opts.own.chainPem,
        key: opts.own.keyPem,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  return new Promise((resolve) => proxy.listen(0, '127.0.0.1', () => resolve(proxy)));
}

describe('trusted proxy mode: senders behind a TLS-terminating proxy (real NATS, real TLS on both hops)', () => {
  let pki: TestPki;
  let proxyCert: TestLeaf;
  let sys: RunningSystem;
  let proxy: Server;
  let ingressCa: string;
  let alice: TestLeaf;

  beforeAll(async () => {
    pki = await createTestPki();
    proxyCert = await pki.issueClient('edge-proxy');
    sys = await startSystem('trusted-proxy', { INGRESS_TRUSTED_PROXIES: '127.0.0.1', INGRESS_TRUSTED_PROXY_CERTS: proxyCert.certificate.fingerprint });
    const api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    ingressCa = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    alice = await pki.issueClient('alice');
    await setUpRoleSender(api, pki, alice);
    proxy = await startProxy({ server: await pki.issueServer('127.0.0.1'), own: proxyCert, ingressPort: sys.ingressPort, ingressCa });
  }, 120_000);

  afterAll(async () => {
    await new Promise((resolve) => proxy?.close(resolve));
    await checkExchangesAndStop(sys);
  });

  const viaProxy = (tls: { cert?: string; key?: string }): Promise<IngressResult> =>
    ingressRequest((proxy.address() as AddressInfo).port, pki.root.certPem, { path: '/http/orders', ...tls });

  it('a sender through the proxy is authorized as its own certificate', async () => {
    await eventually(async () => (await viaProxy({ cert: alice.chainPem, key: alice.keyPem })).status === 200, 5000, 100);
    const res = await viaProxy({ cert: alice.chainPem, key: alice.keyPem });
    expect(res.status).toBe(200);
    expect(res.text).toBe('ok sb-sender-a!k1');
  });

  it('through the proxy without a client certificate: 401, the proxy itself is no sender', async () => {
    const res = await viaProxy({});
    expect(res.status).toBe(401);
  });

  it('the same Client-Cert header sent straight to the ingress by anyone else: stripped, 401', async () => {
    const forged = {
      'client-cert': sfBinary(Buffer.from(alice.certificate.der)),
      'client-cert-chain': sfBinary(Buffer.from(pki.intermediate.certificate.der)),
    };
    const res = await ingressRequest(sys.ingressPort, ingressCa, { path: '/http/orders', headers: forged });
    expect(res.status).toBe(401);
    const withOtherCert = await pki.issueClient('not-the-proxy');
    const res2 = await ingressRequest(sys.ingressPort, ingressCa, {
      path: '/http/orders',
      headers: forged,
      cert: withOtherCert.chainPem,
      key: withOtherCert.keyPem,
    });
    expect(res2.status).toBe(401);
  });
});
