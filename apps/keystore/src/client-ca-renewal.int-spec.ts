import { certificateAlertSchema, CLIENT_CA_ALIAS, KeystoreRpc, type KeystoreEntryView } from '@certgate/contracts';
import { readStreamTail } from '@certgate/messaging';
import { exportPublicKeyPem, generateKeyPair, isValidAnchor, parseCertificate, parseCertificates, verifyChain } from '@certgate/x509';
import { ClientCaRenewal } from './app/client-ca/client-ca-renewal.service';
import { twoReplicasOnOneClock } from './test-support/keystore-replica';

/*
 * The tenant client CA renewing itself, against a real NATS: two keystore replicas share
 * one fake clock, moved to 364 days before the CA expires (the default lead time is 365).
 * What the ingress trusts is every self-signed CA certificate of the entry's chain, so the
 * checks below verify leaves against exactly that set.
 */

const DAY = 86_400_000;

describe('the tenant client CA renews itself ahead of expiry (real NATS, two replicas)', () => {
  const suite = twoReplicasOnOneClock('client-ca-renewal');
  const { clock } = suite;

  const clientCa = () => suite.rpc.request(KeystoreRpc.getEntry, { alias: CLIENT_CA_ALIAS }) as Promise<KeystoreEntryView & { chainPem: string }>;
  const checkEverywhere = () => Promise.all(suite.replicas.map((r) => r.get(ClientCaRenewal).check()));
  const issueLeaf = async (cn: string) => {
    const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    const issued = await suite.rpc.request(KeystoreRpc.issueClientCertificate, {
      subjectDN: `CN=${cn}, O=Renewal`,
      publicKeyPem: await exportPublicKeyPem(keys.publicKey),
      validityDays: 90,
    });
    return parseCertificate(issued.certificatePem);
  };
  /** The roots the ingress derives from the entry: its self-signed CA certificates. */
  const trustedRoots = async () => {
    const roots = [];
    for (const cert of parseCertificates((await clientCa()).chainPem)) if ((await isValidAnchor(cert)).ok) roots.push(cert);
    return roots;
  };

  it('is left alone while more than the lead time is left', async () => {
    expect(await checkEverywhere()).toEqual(['not-due', 'not-due']);
  });

  it('364 days before expiry: one replica renews it; certificates of the old CA and of the new one both verify against the trusted roots', async () => {
    const before = await clientCa();
    // Issued two days before the CA became due, valid 90 days: in use across the renewal.
    clock.now = Date.parse(before.notAfter) - 366 * DAY;
    const oldLeaf = await issueLeaf('issued-before');
    clock.now += 2 * DAY;
    const outcomes = await checkEverywhere();
    expect(outcomes.filter((o) => o === 'renewed')).toHaveLength(1);

    const after = await clientCa();
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after).toMatchObject({ alias: CLIENT_CA_ALIAS, kind: 'key-pair', subjectDN: before.subjectDN, issuerDN: before.subjectDN });
    // The new CA first (it issues from now on), the one it replaces after it (still trusted).
    expect(parseCertificates(after.chainPem).map((c) => c.fingerprint)).toEqual([after.fingerprint, before.fingerprint]);

    const newLeaf = await issueLeaf('issued-after');
    expect(newLeaf.authorityKeyId).not.toBe(oldLeaf.authorityKeyId);
    const roots = await trustedRoots();
    expect(roots).toHaveLength(2);
    for (const leaf of [oldLeaf, newLeaf]) {
      expect(await verifyChain({ leaf, anchors: roots, purpose: 'clientAuth', at: new Date(clock.now) })).toMatchObject({ ok: true });
    }

    const alerts = (await readStreamTail<unknown>(suite.h.nc, suite.h.tenant, 'ALERTS', 100)).map((r) => certificateAlertSchema.parse(r));
    expect(alerts.filter((a) => a.type === 'renewed' && a.ref === `${CLIENT_CA_ALIAS}#0`)).toEqual([
      expect.objectContaining({ fingerprint: after.fingerprint, replacedFingerprint: before.fingerprint, threshold: 365 }),
    ]);
  });

  it('renewed again years later, it keeps only the CA it replaces: the oldest, expired with its certificates, is dropped', async () => {
    const current = await clientCa();
    clock.now = Date.parse(current.notAfter) - 300 * DAY;
    expect((await checkEverywhere()).filter((o) => o === 'renewed')).toHaveLength(1);
    const next = await clientCa();
    expect(parseCertificates(next.chainPem).map((c) => c.fingerprint)).toEqual([next.fingerprint, current.fingerprint]);
  });
});
