import { certificateAlertSchema, DEFAULT_SYSTEM_KEY_ALIAS, KeystoreRpc, type KeystoreEntryView } from '@certgate/contracts';
import { readStreamTail } from '@certgate/messaging';
import { readPkcs12 } from '@certgate/x509';
import { SystemKeyRenewal } from './app/system-key/system-key-renewal.service';
import { twoReplicasOnOneClock } from './test-support/keystore-replica';

/*
 * The tenant system key pair renewing itself, against a real NATS: two keystore replicas
 * in this process share one fake clock, which the test moves to 29 days before the pair
 * expires (the default lead time is 30 days).
 */

const DAY = 86_400_000;

describe('the tenant system key pair renews itself ahead of expiry (real NATS, two replicas)', () => {
  const suite = twoReplicasOnOneClock('system-key-renewal');
  const { clock } = suite;

  const systemKey = () => suite.rpc.request(KeystoreRpc.getEntry, { alias: DEFAULT_SYSTEM_KEY_ALIAS }) as Promise<KeystoreEntryView>;
  const checkEverywhere = () => Promise.all(suite.replicas.map((r) => r.get(SystemKeyRenewal).check()));

  it('is left alone while more than the lead time is left', async () => {
    const before = await systemKey();
    expect(await checkEverywhere()).toEqual(['not-due', 'not-due']);
    expect((await systemKey()).fingerprint).toBe(before.fingerprint);
  });

  it('29 days before expiry: exactly one replica renews it, under the same alias, and announces it as a renewed alert', async () => {
    const before = await systemKey();
    clock.now = Date.parse(before.notAfter) - 29 * DAY;
    const outcomes = await checkEverywhere();
    expect(outcomes.filter((o) => o === 'renewed')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'renewed')).toEqual([expect.stringMatching(/^(raced|not-due)$/)]);

    const after = await systemKey();
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after).toMatchObject({ alias: DEFAULT_SYSTEM_KEY_ALIAS, kind: 'key-pair', subjectDN: before.subjectDN, issuerDN: before.subjectDN });
    expect(Date.parse(after.notAfter)).toBeGreaterThan(clock.now + 700 * DAY);

    const alerts = (await readStreamTail<unknown>(suite.h.nc, suite.h.tenant, 'ALERTS', 100)).map((r) => certificateAlertSchema.parse(r));
    const renewed = alerts.filter((a) => a.type === 'renewed');
    expect(renewed).toEqual([
      expect.objectContaining({
        ref: `${DEFAULT_SYSTEM_KEY_ALIAS}#0`,
        fingerprint: after.fingerprint,
        replacedFingerprint: before.fingerprint,
        source: 'keystore',
      }),
    ]);
  });

  it('the renewed pair is not due again, and its private key opens (a PKCS#12 export holds it)', async () => {
    expect(await checkEverywhere()).toEqual(['not-due', 'not-due']);
    const exported = (await suite.rpc.request(KeystoreRpc.exportPkcs12, { alias: DEFAULT_SYSTEM_KEY_ALIAS, password: 'renewed' })) as { pkcs12Base64: string };
    const contents = await readPkcs12(Buffer.from(exported.pkcs12Base64, 'base64'), 'renewed');
    expect(contents.privateKey).toBeDefined();
    expect(contents.certificates[0].fingerprint).toBe((await systemKey()).fingerprint);
  });
});
