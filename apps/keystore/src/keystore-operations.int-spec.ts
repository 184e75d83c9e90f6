import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestMicroservice } from '@nestjs/common';
import type { KV } from 'nats';
import {
  Buckets,
  CLIENT_CA_ALIAS,
  KeystoreKv,
  KeystoreRpc,
  storedKeystoreEntrySchema,
  type KeystoreEntryView,
  type StoredKeystoreEntry,
} from '@certgate/contracts';
import { ensureKv, RpcClient } from '@certgate/messaging';
import { certgateFailure as failure, commandAvailable, createTestPki, defined, startNatsHarness, type NatsHarness, type TestPki } from '@certgate/testing';
import {
  createRecipientKey,
  dnEquals,
  importPrivateKeyPem,
  issueCertificate,
  keyMatchesCertificate,
  openFromSender,
  parseCertificates,
  parseCsr,
  readPkcs12,
  toPemBundle,
  writePkcs12,
  type Certificate,
} from '@certgate/x509';
import { KeyPairsService } from './app/key-pairs/key-pairs.service';
import { RenewalService } from './app/renewal/renewal.service';
import { startInProcessKeystore } from './in-process-keystore';

const SYSTEM_ALIAS = 'ops_system_key';
const MASTER = randomBytes(32).toString('base64url');
/** What the console uses for key generation: an RSA 4096 key takes seconds on a busy machine. */
const SLOW = { timeoutMs: 30_000 };

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

describe('keystore operations (real NATS, two replicas)', () => {
  let h: NatsHarness;
  let kv: KV;
  let rpc: RpcClient;
  let pki: TestPki;
  /** A CA whose root the keystore does not hold until a test adds it. */
  let otherPki: TestPki;
  const replicas: INestMicroservice[] = [];

  const stored = async (alias: string): Promise<StoredKeystoreEntry> => {
    const e = await kv.get(KeystoreKv.entry(alias));
    return storedKeystoreEntrySchema.parse(JSON.parse(defined(e?.operation === 'PUT' ? e.string() : undefined, `the stored entry '${alias}'`)));
  };
  const generate = (alias: string, subjectDN = `CN=${alias}, O=Acme`) =>
    rpc.request(KeystoreRpc.generateKeyPair, { alias, keyType: 'EC', curve: 'P-256', subjectDN, validityDays: 365 }, SLOW);
  /** What an external CA does with a CSR: a clientAuth leaf from the test PKI's issuing CA. */
  const sign = async (csrPem: string, ca: TestPki): Promise<Certificate> => {
    const csr = await parseCsr(csrPem);
    return issueCertificate({
      subjectDN: csr.subjectDN,
      publicKey: csr.publicKey,
      issuer: { certificate: ca.intermediate.certificate, privateKey: ca.intermediate.privateKey },
      extendedKeyUsage: ['clientAuth'],
    });
  };
  const signedChain = async (alias: string, renewal = false, ca = pki): Promise<Certificate[]> => {
    const { csrPem } = await rpc.request(KeystoreRpc.getCsr, { alias, renewal });
    return [await sign(csrPem, ca), ca.intermediate.certificate, ca.root.certificate];
  };
  const keyOf = async (alias: string): Promise<{ pem: string; leaf: Certificate }> => {
    const recipient = createRecipientKey();
    const material = await rpc.request(KeystoreRpc.keyMaterial, { alias, recipientPublicKey: recipient.publicKey });
    return { pem: openFromSender(recipient, alias, material.privateKey), leaf: parseCertificates(material.chainPem)[0] };
  };

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'keystore-ops' });
    rpc = new RpcClient(h.nc, h.tenant);
    kv = await ensureKv(h.nc, h.tenant, Buckets.keystore);
    pki = await createTestPki({ name: 'Tenant CA' });
    otherPki = await createTestPki({ name: 'Other CA' });
    const env = { CERTGATE_MASTER_KEY: MASTER, CERTGATE_SYSTEM_KEY_ALIAS: SYSTEM_ALIAS };
    replicas.push(...(await Promise.all(['o1', 'o2'].map((n) => startInProcessKeystore(h.env, n, env)))));
  }, 60_000);

  afterAll(async () => {
    for (const app of replicas) await app.close().catch(() => undefined);
    await h?.stop();
  });

  describe('generateKeyPair', () => {
    it('EC P-256: a tenant key pair with a self-signed certificate of the asked subject', async () => {
      const view = await generate('gen-ec', 'CN=tenant-a, O=Acme, C=DE');
      expect(view).toMatchObject({ alias: 'gen-ec', kind: 'key-pair', owner: 'tenant', keyAlgorithm: 'EC P-256', status: 'valid', chainLength: 1 });
      expect(dnEquals(view.subjectDN, 'CN=tenant-a, O=Acme, C=DE')).toBe(true);
      expect(view.issuerDN).toBe(view.subjectDN);
      expect(view).not.toHaveProperty('encryptedKey');
      expect(Math.round((Date.parse(view.notAfter) - Date.now()) / 86_400_000)).toBe(365);
      const { pem, leaf } = await keyOf('gen-ec');
      expect(await keyMatchesCertificate(await importPrivateKeyPem(pem), leaf)).toBe(true);
    });

    it.each([
      [{ keyType: 'EC', curve: 'P-384' } as const, 'EC P-384'],
      [{ keyType: 'RSA', keySize: 2048 } as const, 'RSA 2048'],
      [{ keyType: 'RSA', keySize: 4096 } as const, 'RSA 4096'],
    ])(
      '%j → keyAlgorithm %s',
      async (spec, keyAlgorithm) => {
        const alias = `gen-${keyAlgorithm.replace(/\W/g, '').toLowerCase()}`;
        const view = await rpc.request(KeystoreRpc.generateKeyPair, { alias, ...spec, subjectDN: `CN=${alias}`, validityDays: 30 }, SLOW);
        expect(view.keyAlgorithm).toBe(keyAlgorithm);
      },
      60_000,
    );

    it('a taken alias → 409 naming it; a bad subject → 400 naming the problem; a bad key size → refused by the contract', async () => {
      expect(await failure(generate('gen-ec'))).toMatchObject({
        code: 'alias_taken',
        message: expect.stringContaining("alias 'gen-ec' is already taken by a key pair"),
      });
      expect(await failure(generate(CLIENT_CA_ALIAS))).toMatchObject({ code: 'alias_taken' });
      expect(await failure(generate('gen-bad', 'XYZ=1, O'))).toMatchObject({
        code: 'subject_dn_invalid',
        message: expect.stringMatching(/^subjectDN: /),
        details: { field: 'subjectDN' },
      });
      expect(
        await failure(rpc.request(KeystoreRpc.generateKeyPair, { alias: 'gen-bad', keyType: 'RSA', keySize: 1024 as 2048, subjectDN: 'CN=x' })),
      ).toMatchObject({
        code: 'validation_failed',
      });
      expect((await failure(rpc.request(KeystoreRpc.getEntry, { alias: 'gen-bad' }))).code).toBe('entry_not_found');
    });

    it('two replicas generating one alias at the same moment: exactly one wins, the other gets 409', async () => {
      const [a, b] = replicas.map((r) => r.get(KeyPairsService));
      for (const alias of ['race-1', 'race-2', 'race-3']) {
        const outcomes = await Promise.allSettled(
          [a, b].map((s) => s.generate({ alias, keyType: 'EC', curve: 'P-256', subjectDN: `CN=${alias}`, validityDays: 1 })),
        );
        const won = outcomes.filter((o): o is PromiseFulfilledResult<KeystoreEntryView> => o.status === 'fulfilled');
        const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect(lost[0].reason).toMatchObject({ code: 'alias_taken', message: expect.stringContaining(`alias '${alias}' is already taken`) });
        expect((await stored(alias)).fingerprint).toBe(won[0].value.fingerprint);
      }
    });
  });

  describe('CSR and chain import', () => {
    it('getCsr: a PKCS#10 request for the key pair with the certificate subject', async () => {
      await generate('ca-signed', 'CN=ca-signed, O=Acme');
      const { alias, csrPem } = await rpc.request(KeystoreRpc.getCsr, { alias: 'ca-signed' });
      expect(alias).toBe('ca-signed');
      expect(csrPem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----/);
      const csr = await parseCsr(csrPem);
      expect(dnEquals(csr.subjectDN, 'CN=ca-signed, O=Acme')).toBe(true);
    });

    it('importChain: the CA-signed chain replaces the self-signed certificate and the sealed key stays', async () => {
      const before = await stored('ca-signed');
      const chain = await signedChain('ca-signed');
      const view = await rpc.request(KeystoreRpc.importChain, { alias: 'ca-signed', chainPem: toPemBundle(chain) });
      expect(view).toMatchObject({
        alias: 'ca-signed',
        chainLength: 3,
        fingerprint: chain[0].fingerprint,
        serialNumber: chain[0].serialNumber,
        keyAlgorithm: 'EC P-256',
      });
      expect(dnEquals(view.issuerDN, pki.intermediate.certificate.subjectDN)).toBe(true);
      const after = await stored('ca-signed');
      expect(after.encryptedKey).toEqual(before.encryptedKey);
      expect(after.createdAt).toBe(before.createdAt);
      const { pem, leaf } = await keyOf('ca-signed');
      expect(leaf.fingerprint).toBe(chain[0].fingerprint);
      expect(await keyMatchesCertificate(await importPrivateKeyPem(pem), leaf)).toBe(true);
    });

    it('exportCertificate: the leaf alone, or the chain leaf first', async () => {
      const cert = await rpc.request(KeystoreRpc.exportCertificate, { alias: 'ca-signed', part: 'certificate' });
      const chain = await rpc.request(KeystoreRpc.exportCertificate, { alias: 'ca-signed', part: 'chain' });
      expect(parseCertificates(cert.pem)).toHaveLength(1);
      expect(parseCertificates(chain.pem).map((c) => c.fingerprint)).toEqual([
        parseCertificates(cert.pem)[0].fingerprint,
        pki.intermediate.certificate.fingerprint,
        pki.root.certificate.fingerprint,
      ]);
      expect((await failure(rpc.request(KeystoreRpc.exportCertificate, { alias: 'nope', part: 'chain' }))).code).toBe('entry_not_found');
    });

    it('downloadCertificate: PEM text, the leaf as a DER .cer, the chain as a certs-only PKCS#7 .p7b (read back by openssl)', async () => {
      const pem = await rpc.request(KeystoreRpc.downloadCertificate, { alias: 'ca-signed', part: 'chain', format: 'pem' });
      expect(pem).toEqual({ contentType: 'application/x-pem-file', contentBase64: expect.any(String) });
      expect(parseCertificates(Buffer.from(pem.contentBase64, 'base64').toString('utf8'))).toHaveLength(3);

      const cer = await rpc.request(KeystoreRpc.downloadCertificate, { alias: 'ca-signed', part: 'certificate', format: 'der' });
      expect(cer).toMatchObject({ contentType: 'application/pkix-cert', fileName: 'ca-signed.cer' });
      const leaf = parseCertificates((await rpc.request(KeystoreRpc.exportCertificate, { alias: 'ca-signed', part: 'certificate' })).pem)[0];
      expect(Buffer.from(cer.contentBase64, 'base64').equals(Buffer.from(leaf.der))).toBe(true);

      const p7b = await rpc.request(KeystoreRpc.downloadCertificate, { alias: 'ca-signed', part: 'chain', format: 'der' });
      expect(p7b).toMatchObject({ contentType: 'application/pkcs7-mime', fileName: 'ca-signed-chain.p7b' });
      if (commandAvailable('openssl')) {
        const dir = mkdtempSync(join(tmpdir(), 'p7b-'));
        try {
          writeFileSync(join(dir, 'chain.p7b'), Buffer.from(p7b.contentBase64, 'base64'));
          const printed = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-in', join(dir, 'chain.p7b'), '-print_certs'], { encoding: 'utf8' });
          expect(parseCertificates(printed).map((c) => c.fingerprint)).toEqual([
            leaf.fingerprint,
            pki.intermediate.certificate.fingerprint,
            pki.root.certificate.fingerprint,
          ]);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      expect((await failure(rpc.request(KeystoreRpc.downloadCertificate, { alias: 'nope', part: 'chain', format: 'der' }))).code).toBe('entry_not_found');
    });

    it('importChain refuses, naming the reason: another key, no root anywhere, a self-signed leaf, garbage', async () => {
      await generate('refusals');
      const before = await stored('refusals');
      const otherChain = await signedChain('gen-ec');
      expect(await failure(rpc.request(KeystoreRpc.importChain, { alias: 'refusals', chainPem: toPemBundle(otherChain) }))).toMatchObject({
        code: 'key_mismatch',
        message: expect.stringContaining("the leaf certificate does not match the private key of 'refusals'"),
      });
      // The root of `pki` is in the keystore by now (in the chain of 'ca-signed'); that of `otherPki` is not.
      const [leaf, intermediate] = await signedChain('refusals', false, otherPki);
      expect(await failure(rpc.request(KeystoreRpc.importChain, { alias: 'refusals', chainPem: toPemBundle([leaf, intermediate]) }))).toMatchObject({
        code: 'chain_incomplete',
        message: expect.stringMatching(/^the chain does not verify: .*root/),
      });
      const selfSigned = await rpc.request(KeystoreRpc.exportCertificate, { alias: 'refusals', part: 'certificate' });
      expect(await failure(rpc.request(KeystoreRpc.importChain, { alias: 'refusals', chainPem: selfSigned.pem }))).toMatchObject({
        code: 'self_signed_leaf',
        message: expect.stringContaining('is self-signed'),
      });
      expect(await failure(rpc.request(KeystoreRpc.importChain, { alias: 'refusals', chainPem: pki.root.keyPem }))).toMatchObject({
        code: 'certificate_invalid',
        message: expect.stringMatching(/^chainPem: the input contains a private key/),
      });
      expect(await stored('refusals')).toEqual(before);
    });

    it('a chain whose root is a trusted certificate of the keystore is accepted without the root', async () => {
      await rpc.request(KeystoreRpc.addTrustedCertificate, { alias: 'receiver-root', certificatePem: otherPki.root.certPem });
      const [leaf, intermediate] = await signedChain('refusals', false, otherPki);
      const view = await rpc.request(KeystoreRpc.importChain, { alias: 'refusals', chainPem: toPemBundle([leaf, intermediate]) });
      expect(view).toMatchObject({ fingerprint: leaf.fingerprint, chainLength: 3 });
    });

    it('importChain: unknown alias 404, a trusted certificate 409, the client CA 409', async () => {
      const chainPem = toPemBundle(await signedChain('gen-ec'));
      expect((await failure(rpc.request(KeystoreRpc.importChain, { alias: 'nope', chainPem }))).code).toBe('entry_not_found');
      expect(await failure(rpc.request(KeystoreRpc.importChain, { alias: 'receiver-root', chainPem }))).toMatchObject({
        code: 'not_a_key_pair',
        message: expect.stringContaining("'receiver-root' is a trusted certificate, not a key pair"),
      });
      expect(await failure(rpc.request(KeystoreRpc.importChain, { alias: CLIENT_CA_ALIAS, chainPem }))).toMatchObject({
        code: 'client_ca_protected',
        message: expect.stringContaining('client CA'),
      });
      expect((await failure(rpc.request(KeystoreRpc.getCsr, { alias: 'receiver-root' }))).code).toBe('not_a_key_pair');
    });
  });

  describe('addTrustedCertificate', () => {
    it('one certificate: kind certificate, owner tenant, no key', async () => {
      const view = await rpc.request(KeystoreRpc.addTrustedCertificate, { alias: 'other-root', certificatePem: (await createTestPki()).root.certPem });
      expect(view).toMatchObject({ alias: 'other-root', kind: 'certificate', owner: 'tenant', chainLength: 1, status: 'valid' });
      expect(await stored('other-root')).not.toHaveProperty('encryptedKey');
    });

    it('refuses a taken alias (409), a bundle, a key, garbage (400 saying what it got)', async () => {
      expect(await failure(rpc.request(KeystoreRpc.addTrustedCertificate, { alias: 'other-root', certificatePem: pki.root.certPem }))).toMatchObject({
        code: 'alias_taken',
        message: expect.stringContaining("alias 'other-root' is already taken by a trusted certificate"),
      });
      const bundle = await failure(
        rpc.request(KeystoreRpc.addTrustedCertificate, { alias: 't1', certificatePem: pki.root.certPem + pki.intermediate.certPem }),
      );
      expect(bundle).toMatchObject({ code: 'certificate_is_chain', message: expect.stringContaining('holds 2 certificates') });
      const key = await failure(rpc.request(KeystoreRpc.addTrustedCertificate, { alias: 't1', certificatePem: pki.root.keyPem }));
      expect(key).toMatchObject({ code: 'certificate_invalid', message: expect.stringContaining('private key') });
      const garbage = await failure(
        rpc.request(KeystoreRpc.addTrustedCertificate, { alias: 't1', certificatePem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n' }),
      );
      expect(garbage.code).toBe('certificate_invalid');
      expect(garbage.message).toMatch(/^certificatePem: /);
    });
  });

  describe('PKCS#12', () => {
    it('export: the key and the whole chain, opened with the password', async () => {
      const { pkcs12Base64 } = await rpc.request(KeystoreRpc.exportPkcs12, { alias: 'ca-signed', password: 'pw-1' });
      const contents = await readPkcs12(Buffer.from(pkcs12Base64, 'base64'), 'pw-1');
      expect(contents.certificates.map((c) => c.fingerprint)).toEqual(parseCertificates((await stored('ca-signed')).chainPem).map((c) => c.fingerprint));
      expect(await keyMatchesCertificate(defined(contents.privateKey, 'the key'), contents.certificates[0])).toBe(true);
      await expect(readPkcs12(Buffer.from(pkcs12Base64, 'base64'), 'wrong')).rejects.toMatchObject({ code: 'pkcs12_bad_password' });
    });

    it('import: a key pair entry with the chain of the file', async () => {
      const leaf = await pki.issueClient('from-p12');
      const p12 = await writePkcs12({ privateKey: leaf.privateKey, certificates: [...leaf.chain, pki.root.certificate], password: 'secret' });
      const view = await rpc.request(KeystoreRpc.importPkcs12, { alias: 'p12', password: 'secret', pkcs12Base64: Buffer.from(p12).toString('base64') });
      expect(view).toMatchObject({
        alias: 'p12',
        kind: 'key-pair',
        owner: 'tenant',
        fingerprint: leaf.certificate.fingerprint,
        chainLength: 3,
        keyAlgorithm: 'EC P-256',
      });
      const { pem } = await keyOf('p12');
      expect(await keyMatchesCertificate(await importPrivateKeyPem(pem), leaf.certificate)).toBe(true);
    });

    it('import refuses a wrong password, a file without a key, garbage, a taken alias (each with its reason)', async () => {
      const leaf = await pki.issueClient('p12-refusals');
      const p12 = Buffer.from(await writePkcs12({ privateKey: leaf.privateKey, certificates: leaf.chain, password: 'right' })).toString('base64');
      expect(await failure(rpc.request(KeystoreRpc.importPkcs12, { alias: 'p12-x', password: 'wrong', pkcs12Base64: p12 }))).toMatchObject({
        code: 'pkcs12_invalid',
        message: expect.stringContaining('the password does not open this PKCS#12 file'),
        details: { field: 'password', reason: 'pkcs12_bad_password' },
      });
      expect(
        await failure(
          rpc.request(KeystoreRpc.importPkcs12, { alias: 'p12-x', password: 'x', pkcs12Base64: Buffer.from('not a pkcs12 file').toString('base64') }),
        ),
      ).toMatchObject({
        code: 'pkcs12_invalid',
        details: { field: 'pkcs12' },
      });
      expect(await failure(rpc.request(KeystoreRpc.importPkcs12, { alias: 'p12', password: 'right', pkcs12Base64: p12 }))).toMatchObject({
        code: 'alias_taken',
      });
      expect((await failure(rpc.request(KeystoreRpc.getEntry, { alias: 'p12-x' }))).code).toBe('entry_not_found');
    });

    const withOpenssl = commandAvailable('openssl', 'version') ? it : it.skip;
    withOpenssl('import refuses legacy (3DES) encryption telling how to re-export with AES, and a certificates-only file', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'p12-'));
      try {
        const leaf = await pki.issueClient('legacy');
        writeFileSync(join(dir, 'key.pem'), leaf.keyPem, { mode: 0o600 });
        writeFileSync(join(dir, 'cert.pem'), leaf.certPem);
        const openssl = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
        openssl([
          'pkcs12',
          '-export',
          '-in',
          'cert.pem',
          '-inkey',
          'key.pem',
          '-out',
          'legacy.p12',
          '-passout',
          'pass:pw',
          '-keypbe',
          'PBE-SHA1-3DES',
          '-certpbe',
          'PBE-SHA1-3DES',
          '-macalg',
          'sha1',
        ]);
        openssl(['pkcs12', '-export', '-in', 'cert.pem', '-nokeys', '-out', 'certs.p12', '-passout', 'pass:pw']);
        const legacy = await failure(
          rpc.request(KeystoreRpc.importPkcs12, { alias: 'legacy', password: 'pw', pkcs12Base64: readFileSync(join(dir, 'legacy.p12')).toString('base64') }),
        );
        expect(legacy).toMatchObject({ code: 'pkcs12_legacy_algorithm', message: expect.stringContaining('legacy algorithm') });
        expect(legacy.message).toContain('AES-256-CBC');
        const certsOnly = await failure(
          rpc.request(KeystoreRpc.importPkcs12, { alias: 'certs-only', password: 'pw', pkcs12Base64: readFileSync(join(dir, 'certs.p12')).toString('base64') }),
        );
        expect(certsOnly).toMatchObject({ code: 'pkcs12_no_private_key', message: expect.stringContaining('holds no private key') });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('export refuses a trusted certificate and the client CA (409), an unknown alias (404)', async () => {
      expect(await failure(rpc.request(KeystoreRpc.exportPkcs12, { alias: 'receiver-root', password: 'x' }))).toMatchObject({
        code: 'not_a_key_pair',
        message: expect.stringContaining('download its certificate instead'),
      });
      expect(await failure(rpc.request(KeystoreRpc.exportPkcs12, { alias: CLIENT_CA_ALIAS, password: 'x' }))).toMatchObject({
        code: 'client_ca_protected',
        message: expect.stringContaining('never leaves the keystore'),
      });
      expect((await failure(rpc.request(KeystoreRpc.exportPkcs12, { alias: 'nope', password: 'x' }))).code).toBe('entry_not_found');
    });
  });

  describe('renameEntry', () => {
    it('moves the entry, and its key stays usable under the new alias (PKCS#12 export read back)', async () => {
      const before = await rpc.request(KeystoreRpc.getEntry, { alias: 'ca-signed' });
      const view = await rpc.request(KeystoreRpc.renameEntry, { alias: 'ca-signed', newAlias: 'ca-signed-2' });
      expect(view).toMatchObject({ alias: 'ca-signed-2', fingerprint: before.fingerprint, chainLength: 3, owner: 'tenant' });
      expect((await failure(rpc.request(KeystoreRpc.getEntry, { alias: 'ca-signed' }))).code).toBe('entry_not_found');
      const { pkcs12Base64 } = await rpc.request(KeystoreRpc.exportPkcs12, { alias: 'ca-signed-2', password: 'after-rename' });
      const contents = await readPkcs12(Buffer.from(pkcs12Base64, 'base64'), 'after-rename');
      expect(contents.certificates[0].fingerprint).toBe(before.fingerprint);
      expect(await keyMatchesCertificate(defined(contents.privateKey, 'the key'), contents.certificates[0])).toBe(true);
    });

    it('a trusted certificate can be renamed too', async () => {
      await rpc.request(KeystoreRpc.renameEntry, { alias: 'other-root', newAlias: 'other-root-2' });
      expect(await rpc.request(KeystoreRpc.getEntry, { alias: 'other-root-2' })).toMatchObject({ kind: 'certificate' });
    });

    it('refuses a taken new alias (both stay), the system key pair and the client CA (409 saying why), the same alias (400), an unknown alias (404)', async () => {
      const taken = await failure(rpc.request(KeystoreRpc.renameEntry, { alias: 'gen-ec', newAlias: 'p12' }));
      expect(taken).toMatchObject({ code: 'alias_taken', message: expect.stringContaining("alias 'p12' is already taken") });
      expect((await rpc.request(KeystoreRpc.getEntry, { alias: 'gen-ec' })).alias).toBe('gen-ec');
      expect((await rpc.request(KeystoreRpc.getEntry, { alias: 'p12' })).subjectDN).toContain('from-p12');
      expect(await failure(rpc.request(KeystoreRpc.renameEntry, { alias: SYSTEM_ALIAS, newAlias: 'sys2' }))).toMatchObject({
        code: 'system_key_protected',
        message: expect.stringContaining('tenant system key pair'),
      });
      expect(await failure(rpc.request(KeystoreRpc.renameEntry, { alias: CLIENT_CA_ALIAS, newAlias: 'ca2' }))).toMatchObject({
        code: 'client_ca_protected',
        message: expect.stringContaining('client CA'),
      });
      expect(await failure(rpc.request(KeystoreRpc.renameEntry, { alias: 'gen-ec', newAlias: 'gen-ec' }))).toMatchObject({
        code: 'validation_failed',
        details: { field: 'newAlias' },
      });
      expect((await failure(rpc.request(KeystoreRpc.renameEntry, { alias: 'nope', newAlias: 'nope2' }))).code).toBe('entry_not_found');
    });
  });

  describe('renewal', () => {
    it('the system key pair: start, CSR of the new pair, its CA chain, activate under the same alias', async () => {
      const current = await rpc.request(KeystoreRpc.getEntry, { alias: SYSTEM_ALIAS });
      const started = await rpc.request(KeystoreRpc.startRenewal, { alias: SYSTEM_ALIAS, keyType: 'RSA', keySize: 2048 }, SLOW);
      const pending = defined(started.pending, 'a pending pair');
      expect(started.fingerprint).toBe(current.fingerprint);
      expect(pending).toMatchObject({ keyAlgorithm: 'RSA 2048' });
      expect(pending).not.toHaveProperty('encryptedKey');
      expect(dnEquals(pending.subjectDN, current.subjectDN)).toBe(true);
      expect(Math.round((Date.parse(pending.notAfter) - Date.parse(pending.notBefore)) / 86_400_000)).toBe(730);
      // The current pair keeps serving until activation.
      expect((await keyOf(SYSTEM_ALIAS)).leaf.fingerprint).toBe(current.fingerprint);

      expect(await failure(rpc.request(KeystoreRpc.startRenewal, { alias: SYSTEM_ALIAS, keyType: 'EC', curve: 'P-256' }, SLOW))).toMatchObject({
        code: 'renewal_pending',
        message: expect.stringContaining('already pending'),
      });

      const chain = await signedChain(SYSTEM_ALIAS, true);
      expect(dnEquals(chain[0].subjectDN, current.subjectDN)).toBe(true);
      const imported = await rpc.request(KeystoreRpc.importChain, { alias: SYSTEM_ALIAS, renewal: true, chainPem: toPemBundle(chain) });
      expect(imported.fingerprint).toBe(current.fingerprint);
      expect(imported.pending).toMatchObject({ fingerprint: chain[0].fingerprint, keyAlgorithm: 'RSA 2048' });
      // The current key cannot take the new pair's chain.
      expect(await failure(rpc.request(KeystoreRpc.importChain, { alias: SYSTEM_ALIAS, chainPem: toPemBundle(chain) }))).toMatchObject({
        message: expect.stringContaining(`the leaf certificate does not match the private key of '${SYSTEM_ALIAS}'`),
      });

      const activated = await rpc.request(KeystoreRpc.activateRenewal, { alias: SYSTEM_ALIAS });
      expect(activated).toMatchObject({ alias: SYSTEM_ALIAS, owner: 'system', fingerprint: chain[0].fingerprint, keyAlgorithm: 'RSA 2048', chainLength: 3 });
      expect(activated).not.toHaveProperty('pending');
      const { pem, leaf } = await keyOf(SYSTEM_ALIAS);
      expect(leaf.fingerprint).toBe(chain[0].fingerprint);
      expect(await keyMatchesCertificate(await importPrivateKeyPem(pem), leaf)).toBe(true);
      await expect(rpc.request(KeystoreRpc.systemKeyStatus, {})).resolves.toMatchObject({ present: true, valid: true, notAfter: activated.notAfter });
    });

    it('a renewal with its own subject and validity, cancelled: the entry is as before', async () => {
      const before = await stored('gen-ec');
      const started = await rpc.request(
        KeystoreRpc.startRenewal,
        { alias: 'gen-ec', keyType: 'EC', curve: 'P-384', subjectDN: 'CN=gen-ec 2026, O=Acme', validityDays: 90 },
        SLOW,
      );
      expect(started.pending).toMatchObject({ keyAlgorithm: 'EC P-384' });
      expect(dnEquals(defined(started.pending, 'pending').subjectDN, 'CN=gen-ec 2026, O=Acme')).toBe(true);
      const csr = await parseCsr((await rpc.request(KeystoreRpc.getCsr, { alias: 'gen-ec', renewal: true })).csrPem);
      expect(dnEquals(csr.subjectDN, 'CN=gen-ec 2026, O=Acme')).toBe(true);
      await rpc.request(KeystoreRpc.cancelRenewal, { alias: 'gen-ec' });
      const after = await stored('gen-ec');
      expect(after).not.toHaveProperty('pending');
      expect({ ...after, updatedAt: before.updatedAt }).toEqual(before);
    });

    it('without a pending renewal: CSR, chain, activate and cancel say there is none (404)', async () => {
      const none = expect.objectContaining({ code: 'renewal_not_found', message: "no renewal of 'gen-ec' is pending: start one first" });
      expect(await failure(rpc.request(KeystoreRpc.getCsr, { alias: 'gen-ec', renewal: true }))).toEqual(none);
      expect(await failure(rpc.request(KeystoreRpc.importChain, { alias: 'gen-ec', renewal: true, chainPem: pki.root.certPem }))).toEqual(none);
      expect(await failure(rpc.request(KeystoreRpc.activateRenewal, { alias: 'gen-ec' }))).toEqual(none);
      expect(await failure(rpc.request(KeystoreRpc.cancelRenewal, { alias: 'gen-ec' }))).toEqual(none);
    });

    it('refuses the client CA and a trusted certificate (409)', async () => {
      expect(await failure(rpc.request(KeystoreRpc.startRenewal, { alias: CLIENT_CA_ALIAS, keyType: 'EC', curve: 'P-256' }))).toMatchObject({
        code: 'client_ca_protected',
        message: expect.stringContaining('client CA'),
      });
      expect((await failure(rpc.request(KeystoreRpc.startRenewal, { alias: 'receiver-root', keyType: 'EC', curve: 'P-256' }))).code).toBe('not_a_key_pair');
    });

    it('two replicas starting a renewal of one entry at once: exactly one is kept (no write is lost or overwritten)', async () => {
      const [a, b] = replicas.map((r) => r.get(RenewalService));
      const outcomes = await Promise.allSettled([a, b].map((s) => s.start({ alias: 'p12', keyType: 'EC', curve: 'P-256' })));
      const won = outcomes.filter((o): o is PromiseFulfilledResult<KeystoreEntryView> => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost[0].reason).toMatchObject({ code: 'renewal_pending', message: expect.stringContaining("a renewal of 'p12' is already pending") });
      expect((await stored('p12')).pending?.fingerprint).toBe(won[0].value.pending?.fingerprint);
    });

    it('rename carries a pending renewal along, re-sealed for the new alias', async () => {
      const pendingBefore = defined((await stored('p12')).pending, 'the pending pair');
      await rpc.request(KeystoreRpc.renameEntry, { alias: 'p12', newAlias: 'p12-renamed' });
      const csr = await rpc.request(KeystoreRpc.getCsr, { alias: 'p12-renamed', renewal: true });
      expect(dnEquals((await parseCsr(csr.csrPem)).subjectDN, pendingBefore.subjectDN)).toBe(true);
      const activated = await rpc.request(KeystoreRpc.activateRenewal, { alias: 'p12-renamed' });
      expect(activated.fingerprint).toBe(pendingBefore.fingerprint);
      const { pem, leaf } = await keyOf('p12-renamed');
      expect(await keyMatchesCertificate(await importPrivateKeyPem(pem), leaf)).toBe(true);
    });
  });

  it('after all of it, no value in the bucket holds a private key in plain text', async () => {
    const values = await rawValues(kv);
    expect(values.size).toBeGreaterThan(10);
    for (const [key, text] of values) {
      expect({ key, plain: text.includes('PRIVATE KEY') }).toEqual({ key, plain: false });
    }
  });
});
