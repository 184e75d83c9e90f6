import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_SYSTEM_KEY_ALIAS } from '@certgate/contracts';
import { checkExchangesAndStop, createTestPki, startSystem, type RunningSystem } from '@certgate/testing';
import { consoleApi, eventually } from './clients';
import { RequestLoop } from './request-loop';
import { setUpRoleSender } from './role-sender';

const DAY = 86_400_000;

/*
 * Certificate authentication depends on the tenant system key pair; when it expires,
 * every certificate sender of the tenant is refused. Here it is made to expire tomorrow
 * (an operator's renewal to a one-day pair), and the keystore, checking every second,
 * renews it by itself while a sender sends without pause.
 */
describe('the system key pair renews itself under a steady sender (real NATS, real TLS, every service)', () => {
  let sys: RunningSystem;

  beforeAll(async () => {
    sys = await startSystem('system-key-renewal', { CERTGATE_SYSTEM_KEY_RENEW_CHECK_SECONDS: '1' });
  }, 120_000);

  afterAll(async () => {
    await checkExchangesAndStop(sys);
  });

  it('a pair about to expire is replaced ahead of time, announced, and no request of the sender fails', async () => {
    const api = consoleApi(sys.consoleUrl, sys.adminToken, sys.exchanges.fetch);
    const pki = await createTestPki();
    const alice = await pki.issueClient('alice');
    await setUpRoleSender(api, pki, alice);
    const ca = readFileSync(join(sys.dataDir, 'ingress', 'dev-root-ca.pem'), 'utf8');
    const sender = new RequestLoop('alice', sys.ingressPort, '/orders', { ca, cert: alice.chainPem, key: alice.keyPem });
    const entry = async () => (await api<{ fingerprint: string; notAfter: string }>('GET', `/keystore/entries/${DEFAULT_SYSTEM_KEY_ALIAS}`)).body;
    await eventually(async () => {
      const probe = new RequestLoop('probe', sys.ingressPort, '/orders', { ca, cert: alice.chainPem, key: alice.keyPem });
      probe.start();
      await new Promise((r) => setTimeout(r, 50));
      await probe.stop();
      return probe.responses.every((r) => r.status === 200);
    }, 10_000);

    sender.start();
    // The operator's renewal path makes it a one-day pair: due at once (the lead time is 30 days).
    const alias = DEFAULT_SYSTEM_KEY_ALIAS;
    expect((await api('POST', `/keystore/key-pairs/${alias}/renewal`, { keyType: 'EC', validityDays: 1 })).status).toBe(201);
    const shortLived = (await api<{ fingerprint: string; notAfter: string }>('POST', `/keystore/key-pairs/${alias}/renewal/activate`)).body;
    expect(Date.parse(shortLived.notAfter)).toBeLessThan(Date.now() + 2 * DAY);
    const renewedAfterMs = await eventually(async () => (await entry()).fingerprint !== shortLived.fingerprint, 15_000, 100);
    await new Promise((r) => setTimeout(r, 1000));
    await sender.stop();

    const renewed = await entry();
    expect(Date.parse(renewed.notAfter)).toBeGreaterThan(Date.now() + 700 * DAY);
    const failed = sender.responses.filter((r) => r.status !== 200);
    process.stdout.write(
      `system key renewal: renewed ${renewedAfterMs} ms after the pair became due; sender ${sender.responses.length} requests, ${failed.length} failed\n`,
    );
    expect(failed).toEqual([]);
    expect(sender.responses.length).toBeGreaterThan(10);

    const alerts = await api<{ type: string; ref: string; fingerprint: string; replacedFingerprint?: string }[]>('GET', '/alerts?limit=100');
    expect(alerts.status).toBe(200);
    expect(alerts.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'renewed', ref: `${alias}#0`, fingerprint: renewed.fingerprint, replacedFingerprint: shortLived.fingerprint }),
      ]),
    );
  });
});
