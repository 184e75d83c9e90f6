import { randomBytes } from 'node:crypto';
import type { INestMicroservice } from '@nestjs/common';
import { CLIENT_CA_ALIAS, KeystoreRpc } from '@certgate/contracts';
import { RpcClient } from '@certgate/messaging';
import { certgateFailure as failure, startNatsHarness, type NatsHarness } from '@certgate/testing';
import { createRecipientKey, importPrivateKeyPem, keyMatchesCertificate, openFromSender, parseCertificates } from '@certgate/x509';
import { startInProcessKeystore } from './in-process-keystore';

const SYSTEM_ALIAS = 'km_system_key';

describe('keystore key material for the flow runtime (real NATS)', () => {
  let h: NatsHarness;
  let app: INestMicroservice;
  let rpc: RpcClient;

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'key-material' });
    rpc = new RpcClient(h.nc, h.tenant);
    app = await startInProcessKeystore(h.env, 'km1', { CERTGATE_MASTER_KEY: randomBytes(32).toString('base64url'), CERTGATE_SYSTEM_KEY_ALIAS: SYSTEM_ALIAS });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await h?.stop();
  });

  it('answers the chain and the private key sealed to the requester, which opens it and finds the key of the leaf', async () => {
    const recipient = createRecipientKey();
    const material = await rpc.request(KeystoreRpc.keyMaterial, { alias: SYSTEM_ALIAS, recipientPublicKey: recipient.publicKey });
    const entry = await rpc.request(KeystoreRpc.getEntry, { alias: SYSTEM_ALIAS });
    expect(material).toMatchObject({ alias: SYSTEM_ALIAS, fingerprint: entry.fingerprint, notAfter: entry.notAfter, chainPem: entry.chainPem });
    expect(JSON.stringify(material)).not.toContain('PRIVATE KEY');

    const pem = openFromSender(recipient, SYSTEM_ALIAS, material.privateKey);
    expect(pem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(await keyMatchesCertificate(await importPrivateKeyPem(pem), parseCertificates(material.chainPem)[0])).toBe(true);
  });

  it('another requester cannot open it, nor can it be opened for another alias', async () => {
    const recipient = createRecipientKey();
    const material = await rpc.request(KeystoreRpc.keyMaterial, { alias: SYSTEM_ALIAS, recipientPublicKey: recipient.publicKey });
    expect(() => openFromSender(createRecipientKey(), SYSTEM_ALIAS, material.privateKey)).toThrow(/cannot be opened/);
    expect(() => openFromSender(recipient, 'other', material.privateKey)).toThrow(/cannot be opened/);
  });

  it('an unknown alias → not_found naming it', async () => {
    const err = await failure(rpc.request(KeystoreRpc.keyMaterial, { alias: 'nope', recipientPublicKey: createRecipientKey().publicKey }));
    expect(err).toMatchObject({ code: 'key_alias_unknown', message: "no key pair with alias 'nope' in the keystore" });
  });

  it("the client CA's key never leaves the keystore (409 saying why)", async () => {
    const err = await failure(rpc.request(KeystoreRpc.keyMaterial, { alias: CLIENT_CA_ALIAS, recipientPublicKey: createRecipientKey().publicKey }));
    expect(err).toMatchObject({ code: 'client_ca_protected', message: expect.stringContaining('never leaves the keystore') });
  });

  it('a malformed recipient key is refused by the contract', async () => {
    const err = await failure(rpc.request(KeystoreRpc.keyMaterial, { alias: SYSTEM_ALIAS, recipientPublicKey: 'short' }));
    expect(err.code).toBe('validation_failed');
  });
});
