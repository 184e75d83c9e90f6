import { createHash, X509Certificate } from 'node:crypto';
import type { KV, NatsConnection } from 'nats';
import {
  Buckets,
  IdentityKv,
  KeystoreKv,
  SigningKv,
  clientIdOf,
  type EcPublicJwk,
  type GrantType,
  type Role,
  type ServiceInstance,
  type StoredKeystoreEntry,
  type StoredServiceKey,
  type TlsClient,
} from '@certgate/contracts';
import { encodeJson, ensureKv } from '@certgate/messaging';
import { readTlsPeerCertificate, type Certificate } from '@certgate/x509';

/**
 * Writes identity and keystore state exactly in the contract's bucket layout, as the
 * identity and keystore services do, so the runtime can be tested on its own.
 */
export class KvFixtures {
  private constructor(
    readonly identity: KV,
    readonly keystore: KV,
  ) {}

  static async open(nc: NatsConnection, tenant: string): Promise<KvFixtures> {
    return new KvFixtures(await ensureKv(nc, tenant, Buckets.identity), await ensureKv(nc, tenant, Buckets.keystore));
  }

  /** A custom role, as identity stores it: a flow whose channel asks for a role can only be deployed once the role exists. */
  async putRole(name: string): Promise<void> {
    const role: Role = { name, description: '', predefined: false, createdAt: new Date().toISOString() };
    await this.identity.put(IdentityKv.role(name), encodeJson(role));
  }

  async putInstance(name: string, roles: string[], grantType: GrantType): Promise<void> {
    const instance: ServiceInstance = { name, parameters: { roles, 'grant-types': [grantType], 'redirect-uris': [] }, createdAt: new Date().toISOString() };
    await this.identity.put(IdentityKv.instance(name), encodeJson(instance));
  }

  /** An external-certificate key plus its uniqueness index entry; returns the client id. */
  async putCertificateKey(instance: string, name: string, certificate: Certificate): Promise<string> {
    const key: StoredServiceKey = {
      instance,
      name,
      type: 'external-certificate',
      clientid: clientIdOf(instance, name),
      certificate: certificate.toInfo(),
      createdAt: new Date().toISOString(),
    };
    await this.identity.put(IdentityKv.certIndex(certificate.fingerprint), encodeJson({ instance, key: name }));
    await this.identity.put(IdentityKv.key(instance, name), encodeJson(key));
    return key.clientid;
  }

  /** A client-secret key stored as identity stores it: the SHA-256 of the secret only. */
  async putSecretKey(instance: string, name: string, secret: string): Promise<string> {
    const key: StoredServiceKey = {
      instance,
      name,
      type: 'client-secret',
      clientid: clientIdOf(instance, name),
      secretHash: createHash('sha256').update(secret, 'utf8').digest('hex'),
      createdAt: new Date().toISOString(),
    };
    await this.identity.put(IdentityKv.key(instance, name), encodeJson(key));
    return key.clientid;
  }

  async deleteKey(instance: string, name: string, fingerprint?: string): Promise<void> {
    await this.identity.delete(IdentityKv.key(instance, name));
    if (fingerprint) await this.identity.delete(IdentityKv.certIndex(fingerprint));
  }

  /** The system key pair entry (no private key: the runtime only needs to know it exists and when it expires). */
  async putSystemKey(alias: string, certificate: Certificate, validity?: { notBefore: Date; notAfter: Date }): Promise<void> {
    const info = certificate.toInfo();
    const entry: StoredKeystoreEntry = {
      alias,
      kind: 'key-pair',
      owner: 'system',
      subjectDN: info.subjectDN,
      issuerDN: info.issuerDN,
      serialNumber: info.serialNumber,
      notBefore: (validity?.notBefore ?? certificate.notBefore).toISOString(),
      notAfter: (validity?.notAfter ?? certificate.notAfter).toISOString(),
      fingerprint: info.fingerprint,
      chainPem: certificate.pem,
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    };
    await this.keystore.put(KeystoreKv.entry(alias), encodeJson(entry));
  }

  async deleteSystemKey(alias: string): Promise<void> {
    await this.keystore.delete(KeystoreKv.entry(alias));
  }

  /** A published token signing key as the keystore stores it (the sealed private key is a stand-in: the runtime never reads it). */
  async putSigningKey(kid: string, publicJwk: EcPublicJwk): Promise<void> {
    const sealed = { alg: 'A256GCM' as const, iv: 'AAAAAAAAAAAAAAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA==', data: 'AA==' };
    await this.keystore.put(
      SigningKv.key(kid),
      encodeJson({ kid, alg: 'ES256', owner: 'system', publicJwk, encryptedKey: sealed, createdAt: new Date().toISOString() }),
    );
  }

  async dropSigningKey(kid: string): Promise<void> {
    await this.keystore.delete(SigningKv.key(kid));
  }
}

/** The `tls` field the ingress sends for a certificate OpenSSL verified (read the way the ingress reads it). */
export function verifiedTls(certificate: Certificate): Extract<TlsClient, { status: 'verified' }> {
  const peer = readTlsPeerCertificate(new X509Certificate(certificate.pem));
  return {
    status: 'verified',
    fingerprint: peer.fingerprint,
    subjectDN: peer.subjectDN,
    issuerDN: peer.issuerDN,
    subjectCN: peer.subjectCN,
    issuerCN: peer.issuerCN,
  };
}
