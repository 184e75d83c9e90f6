import { randomBytes } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import type { KV, KvEntry } from 'nats';
import { Buckets, CLIENT_CA_ALIAS, errorMessage, KeystoreKv, KeystoreRpc, storedKeystoreEntrySchema } from '@certgate/contracts';
import { ensureKv, RpcClient } from '@certgate/messaging';
import { launchServices, startNatsHarness, type NatsHarness, certgateFailure as failure, defined } from '@certgate/testing';
import { dnEquals, exportPublicKeyPem, generateKeyPair, parseCertificates, verifyChain } from '@certgate/x509';
import { startInProcessKeystore } from './in-process-keystore';

const SYSTEM_ALIAS = 'it_system_key';
const MASTER = randomBytes(32).toString('base64url');

function startKeystore(h: NatsHarness, nodeId: string, env: Record<string, string> = {}): Promise<INestMicroservice> {
  return startInProcessKeystore(h.env, nodeId, { CERTGATE_MASTER_KEY: MASTER, CERTGATE_SYSTEM_KEY_ALIAS: SYSTEM_ALIAS, ...env });
}

/** Every change to the bucket from now on (a PUT per write), to count how often an entry was written. */
async function recordWrites(kv: KV): Promise<{ puts(key: string): number; stop(): void }> {
  const seen: KvEntry[] = [];
  const watcher = await kv.watch({ key: '>' });
  void (async () => {
    for await (const e of watcher) seen.push(e);
  })();
  return { puts: (key) => seen.filter((e) => e.key === key && e.operation === 'PUT').length, stop: () => watcher.stop() };
}

async function rawValues(kv: KV): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const keys: string[] = [];
  for await (const k of await kv.keys()) keys.push(k);
  for (const k of keys) {
    const e = await kv.get(k);
    if (e?.operation === 'PUT') out.set(k, e.string());
  }
  return out;
}

async function publicKeyPem(): Promise<string> {
  return exportPublicKeyPem((await generateKeyPair({ type: 'EC', curve: 'P-256' })).publicKey);
}

describe('keystore (real NATS): tenant keys, entries, client CA', () => {
  describe('standard plan', () => {
    let h: NatsHarness;
    let kv: KV;
    let rpc: RpcClient;
    let writes: Awaited<ReturnType<typeof recordWrites>>;
    const apps: INestMicroservice[] = [];

    beforeAll(async () => {
      h = await startNatsHarness({ label: 'keystore' });
      rpc = new RpcClient(h.nc, h.tenant);
      kv = await ensureKv(h.nc, h.tenant, Buckets.keystore);
      writes = await recordWrites(kv);
      // Three replicas of a fresh tenant starting at the same moment.
      apps.push(...(await Promise.all(['k1', 'k2', 'k3'].map((n) => startKeystore(h, n)))));
    }, 60_000);

    afterAll(async () => {
      writes?.stop();
      for (const app of apps) await app.close().catch(() => undefined);
      await h?.stop();
    });

    it('three replicas starting at once write the system key pair and the client CA exactly once', async () => {
      await h.nc.flush();
      expect(writes.puts(KeystoreKv.entry(SYSTEM_ALIAS))).toBe(1);
      expect(writes.puts(KeystoreKv.entry(CLIENT_CA_ALIAS))).toBe(1);
      const { entries } = await rpc.request(KeystoreRpc.listEntries, {});
      expect(entries.map((e) => e.alias).sort()).toEqual([CLIENT_CA_ALIAS, SYSTEM_ALIAS].sort());
    });

    it('entries are shown with status and owner, never with the sealed key', async () => {
      const system = await rpc.request(KeystoreRpc.getEntry, { alias: SYSTEM_ALIAS });
      expect(system).toMatchObject({ alias: SYSTEM_ALIAS, kind: 'key-pair', owner: 'system', status: 'valid' });
      expect(dnEquals(system.subjectDN, `CN=${SYSTEM_ALIAS}, O=certgate, OU=${h.tenant}`)).toBe(true);
      expect(system).not.toHaveProperty('encryptedKey');
      const ca = await rpc.request(KeystoreRpc.getEntry, { alias: CLIENT_CA_ALIAS });
      expect(ca).toMatchObject({ owner: 'system', status: 'valid' });
      expect(parseCertificates(ca.chainPem)[0].isCA).toBe(true);
      const listed = await rpc.request(KeystoreRpc.listEntries, {});
      for (const e of listed.entries) expect(e).not.toHaveProperty('encryptedKey');
    });

    it('the stored JSON holds the private keys only sealed', async () => {
      const values = await rawValues(kv);
      for (const alias of [SYSTEM_ALIAS, CLIENT_CA_ALIAS]) {
        const text = values.get(KeystoreKv.entry(alias));
        expect(text).toBeDefined();
        expect(text).not.toContain('PRIVATE KEY');
        expect(storedKeystoreEntrySchema.parse(JSON.parse(defined(text, `the stored ${alias}`))).encryptedKey).toMatchObject({ alg: 'A256GCM' });
      }
      for (const text of values.values()) expect(text).not.toContain('PRIVATE KEY');
    });

    it('systemKeyStatus: present and valid, with notAfter two years ahead', async () => {
      const status = await rpc.request(KeystoreRpc.systemKeyStatus, {});
      expect(status).toMatchObject({ alias: SYSTEM_ALIAS, present: true, valid: true });
      const years = (Date.parse(defined(status.notAfter, 'notAfter')) - Date.now()) / (365 * 86_400_000);
      expect(years).toBeGreaterThan(1.99);
      expect(years).toBeLessThan(2.01);
    });

    it('issueClientCertificate: a clientAuth leaf that verifies against the client CA', async () => {
      const issued = await rpc.request(KeystoreRpc.issueClientCertificate, {
        subjectDN: 'CN=sender-a, O=Acme',
        publicKeyPem: await publicKeyPem(),
        validityDays: 30,
      });
      const [leaf] = parseCertificates(issued.certificatePem);
      const chain = parseCertificates(issued.chainPem);
      const ca = parseCertificates((await rpc.request(KeystoreRpc.getEntry, { alias: CLIENT_CA_ALIAS })).chainPem)[0];
      expect(chain.map((c) => c.fingerprint)).toEqual([leaf.fingerprint, ca.fingerprint]);
      expect(dnEquals(leaf.subjectDN, 'CN=sender-a, O=Acme')).toBe(true);
      expect(leaf.extendedKeyUsage).toEqual(['clientAuth']);
      expect(Math.round((leaf.notAfter.getTime() - Date.now()) / 86_400_000)).toBe(30);
      const verdict = await verifyChain({ leaf, anchors: [ca], purpose: 'clientAuth' });
      expect(verdict).toMatchObject({ ok: true });
      expect((await verifyChain({ leaf, anchors: [ca], purpose: 'serverAuth' })).ok).toBe(false);
    });

    it('issueClientCertificate refuses a bad public key or DN with 400 and the reason', async () => {
      const badKey = await failure(
        rpc.request(KeystoreRpc.issueClientCertificate, {
          subjectDN: 'CN=x',
          publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n',
          validityDays: 1,
        }),
      );
      expect(badKey).toMatchObject({ code: 'public_key_invalid', message: expect.stringMatching(/^publicKeyPem: /), details: { field: 'publicKeyPem' } });
      const privateKey = await failure(
        rpc.request(KeystoreRpc.issueClientCertificate, {
          subjectDN: 'CN=x',
          publicKeyPem: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n',
          validityDays: 1,
        }),
      );
      expect(privateKey.code).toBe('public_key_invalid');
      const badDn = await failure(
        rpc.request(KeystoreRpc.issueClientCertificate, { subjectDN: 'XYZ=1, O', publicKeyPem: await publicKeyPem(), validityDays: 1 }),
      );
      expect(badDn).toMatchObject({ code: 'subject_dn_invalid', message: expect.stringMatching(/^subjectDN: /), details: { field: 'subjectDN' } });
    });

    it('unknown aliases → 404 on get and delete', async () => {
      expect((await failure(rpc.request(KeystoreRpc.getEntry, { alias: 'nope' }))).code).toBe('entry_not_found');
      expect((await failure(rpc.request(KeystoreRpc.deleteEntry, { alias: 'nope' }))).code).toBe('entry_not_found');
    });

    it('the client CA cannot be deleted, not even with force (409)', async () => {
      const err = await failure(rpc.request(KeystoreRpc.deleteEntry, { alias: CLIENT_CA_ALIAS, force: true }));
      expect(err).toMatchObject({ code: 'client_ca_protected', message: expect.stringContaining('client CA') });
      await expect(rpc.request(KeystoreRpc.getEntry, { alias: CLIENT_CA_ALIAS })).resolves.toMatchObject({ alias: CLIENT_CA_ALIAS });
    });

    it('a restart provisions nothing again', async () => {
      const before = await rpc.request(KeystoreRpc.listEntries, {});
      for (const app of apps.splice(0)) await app.close();
      apps.push(await startKeystore(h, 'k4'));
      await h.nc.flush();
      expect(writes.puts(KeystoreKv.entry(SYSTEM_ALIAS))).toBe(1);
      expect(writes.puts(KeystoreKv.entry(CLIENT_CA_ALIAS))).toBe(1);
      expect(await rpc.request(KeystoreRpc.listEntries, {})).toEqual({ entries: before.entries.map((e) => ({ ...e, status: 'valid' })) });
    });

    it('the system key pair: 409 without force (saying what it turns off and how to force), gone with force, and not back after a restart', async () => {
      const refused = await failure(rpc.request(KeystoreRpc.deleteEntry, { alias: SYSTEM_ALIAS }));
      expect(refused.code).toBe('system_key_protected');
      expect(refused.message).toContain('turns client-certificate authentication off');
      expect(refused.message).toContain('force=true');
      await expect(rpc.request(KeystoreRpc.systemKeyStatus, {})).resolves.toMatchObject({ present: true, valid: true });

      await rpc.request(KeystoreRpc.deleteEntry, { alias: SYSTEM_ALIAS, force: true });
      expect((await failure(rpc.request(KeystoreRpc.getEntry, { alias: SYSTEM_ALIAS }))).code).toBe('entry_not_found');
      await expect(rpc.request(KeystoreRpc.systemKeyStatus, {})).resolves.toEqual({
        alias: SYSTEM_ALIAS,
        present: false,
        valid: false,
        reason: `key pair with alias '${SYSTEM_ALIAS}' does not exist in the keystore`,
      });

      for (const app of apps.splice(0)) await app.close();
      apps.push(...(await Promise.all([startKeystore(h, 'k5'), startKeystore(h, 'k6')])));
      await h.nc.flush();
      expect(writes.puts(KeystoreKv.entry(SYSTEM_ALIAS))).toBe(1);
      await expect(rpc.request(KeystoreRpc.systemKeyStatus, {})).resolves.toMatchObject({ present: false });
      expect((await rpc.request(KeystoreRpc.listEntries, {})).entries.map((e) => e.alias)).toEqual([CLIENT_CA_ALIAS]);
    });

    it('a replica with another master key refuses to start, naming CERTGATE_MASTER_KEY; the keys stay untouched', async () => {
      for (const app of apps.splice(0)) await app.close();
      const before = await rawValues(kv);
      const err = await startKeystore(h, 'k-wrong', { CERTGATE_MASTER_KEY: randomBytes(32).toString('hex') }).then(
        () => new Error('expected the start to fail'),
        (e: Error) => e,
      );
      expect(err.message).toContain(`the keystore cannot open its own keys: the private key of '${CLIENT_CA_ALIAS}' cannot be decrypted`);
      expect(err.message).toContain("Start it with the CERTGATE_MASTER_KEY the tenant's keys were stored with");
      expect(err.message).not.toContain('PRIVATE');
      expect(await rawValues(kv)).toEqual(before);
      // The right key still opens them.
      apps.push(await startKeystore(h, 'k-right'));
      await expect(
        rpc.request(KeystoreRpc.issueClientCertificate, { subjectDN: 'CN=x', publicKeyPem: await publicKeyPem(), validityDays: 1 }),
      ).resolves.toHaveProperty('certificatePem');
    });
  });

  describe('trial plan', () => {
    let h: NatsHarness;
    let app: INestMicroservice | undefined;

    beforeAll(async () => {
      h = await startNatsHarness({ label: 'keystore-trial' });
    });

    afterAll(async () => {
      await app?.close();
      await h?.stop();
    });

    it('provisions the client CA but no system key pair, and the status says why', async () => {
      app = await startKeystore(h, 't1', { CERTGATE_TENANT_PLAN: 'trial' });
      const rpc = new RpcClient(h.nc, h.tenant);
      expect((await rpc.request(KeystoreRpc.listEntries, {})).entries.map((e) => e.alias)).toEqual([CLIENT_CA_ALIAS]);
      const status = await rpc.request(KeystoreRpc.systemKeyStatus, {});
      expect(status).toMatchObject({ alias: SYSTEM_ALIAS, present: false, valid: false });
      expect(status.reason).toContain(`key pair with alias '${SYSTEM_ALIAS}' does not exist in the keystore`);
      expect(status.reason).toContain('trial');
    });
  });

  describe('as a process (main.ts)', () => {
    let h: NatsHarness;

    beforeAll(async () => {
      h = await startNatsHarness({ label: 'keystore-proc' });
    });

    afterAll(async () => {
      await h?.stop();
    });

    it('refuses to start without CERTGATE_MASTER_KEY, saying what to set', async () => {
      // An empty value counts as unset, whatever the test runner's own environment holds.
      const err = await launchServices({ services: ['keystore'], nc: h.nc, env: { ...h.env, CERTGATE_MASTER_KEY: '' }, readyTimeoutMs: 30_000 }).catch(
        (e: Error) => e,
      );
      expect(err).toBeInstanceOf(Error);
      expect(errorMessage(err)).toContain('keystore exited during start-up');
      expect(errorMessage(err)).toContain('CERTGATE_MASTER_KEY: is required: set it to a secret of at least 32 characters');
    }, 40_000);

    it('starts with the default alias and answers systemKeyStatus', async () => {
      const system = await launchServices({ services: ['keystore'], nc: h.nc, env: { ...h.env, CERTGATE_MASTER_KEY: MASTER } });
      try {
        const status = await new RpcClient(h.nc, h.tenant).request(KeystoreRpc.systemKeyStatus, {});
        expect(status).toMatchObject({ alias: 'sap_cloudintegrationcertificate', present: true, valid: true });
        expect(system.logsOf('keystore').join('\n')).not.toContain('PRIVATE KEY');
      } finally {
        await system.stop();
      }
    }, 40_000);

    it('exits at start-up with a wrong CERTGATE_MASTER_KEY, saying so, when the tenant has keys', async () => {
      const err = await launchServices({
        services: ['keystore'],
        nc: h.nc,
        env: { ...h.env, CERTGATE_MASTER_KEY: randomBytes(32).toString('hex') },
        readyTimeoutMs: 30_000,
      }).catch((e: Error) => e);
      expect(err).toBeInstanceOf(Error);
      expect(errorMessage(err)).toContain('keystore exited during start-up');
      expect(errorMessage(err)).toContain('the keystore cannot open its own keys');
      expect(errorMessage(err)).toContain('CERTGATE_MASTER_KEY');
    }, 40_000);
  });
});
