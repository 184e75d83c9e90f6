import { Inject, Injectable } from '@nestjs/common';
import {
  Buckets,
  CertgateError,
  certIndexSchema,
  CLIENT_CA_ALIAS,
  ErrorCode,
  IdentityKv,
  KeystoreKv,
  roleSchema,
  serviceInstanceSchema,
  storedKeystoreEntrySchema,
  storedServiceKeySchema,
  type CertificateMatcher,
  type FlowDefinition,
} from '@certgate/contracts';
import { KvBuckets } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { FlowRuntimeEnv } from '../flow-runtime-env';

/**
 * What a flow names elsewhere, checked when it is deployed: the role of a role
 * channel, the key pair of a receiver, the certificates of a client-certificate
 * channel. Read from the identity and keystore buckets themselves (contract buckets the
 * runtime may read), not from this replica's watched copies: `certgate apply` creates a
 * role and then the flow that asks for it, and the second request must see the first.
 */
@Injectable()
export class FlowReferences {
  private readonly identity = this.buckets.bucket(Buckets.identity);
  private readonly roles = this.identity.repository(roleSchema, 'role');
  private readonly instances = this.identity.repository(serviceInstanceSchema, 'service instance');
  private readonly keys = this.identity.repository(storedServiceKeySchema, 'service key');
  private readonly certIndex = this.identity.repository(certIndexSchema, 'certificate index entry');
  private readonly entries = this.buckets.bucket(Buckets.keystore).repository(storedKeystoreEntrySchema, 'keystore entry');

  constructor(
    private readonly buckets: KvBuckets,
    @Inject(SERVICE_ENV) private readonly env: FlowRuntimeEnv,
  ) {}

  /** 400 naming the field of the first reference that points at nothing. */
  async check(definition: FlowDefinition, matchers: readonly CertificateMatcher[]): Promise<void> {
    const auth = definition.sender.authorization;
    if (auth.type === 'role') await this.checkRole(auth.role);
    const receiverAuth = definition.receiver?.authentication;
    if (receiverAuth?.type === 'client-certificate' && receiverAuth.privateKeyAlias !== undefined) await this.checkKeyPair(receiverAuth.privateKeyAlias);
    // Classic mode maps certificates to users by mapping; a listed certificate need not be in a service key.
    if (auth.type === 'client-certificate' && this.env.CERTGATE_MODE === 'standard') await this.checkCertificates(matchers);
  }

  private async checkRole(role: string): Promise<void> {
    if (await this.roles.get(IdentityKv.role(role))) return;
    throw new CertgateError(ErrorCode.roleUnknown, `sender.authorization.role: role '${role}' does not exist: create it first (POST /roles)`, {
      field: 'sender.authorization.role',
      role,
    });
  }

  private async checkKeyPair(alias: string): Promise<void> {
    const field = 'receiver.authentication.privateKeyAlias';
    const entry = (await this.entries.get(KeystoreKv.entry(alias)))?.value;
    let why: string | undefined;
    if (!entry || entry.alias !== alias) why = `no key pair with alias '${alias}' in the keystore`;
    else if (entry.kind !== 'key-pair' || !entry.encryptedKey)
      why = `'${alias}' is a trusted certificate in the keystore, not a key pair: it has no private key`;
    else if (alias === CLIENT_CA_ALIAS) why = `'${alias}' is the tenant's client CA: its private key never leaves the keystore; use another key pair`;
    if (why) throw new CertgateError(ErrorCode.keyAliasUnknown, `${field}: ${why}`, { field, alias });
  }

  /** Every PEM-listed certificate must be the certificate of a service key of a client_x509 instance. */
  private async checkCertificates(matchers: readonly CertificateMatcher[]): Promise<void> {
    for (const [index, matcher] of matchers.entries()) {
      if (!('fingerprint' in matcher)) continue; // a subject/issuer pair names no one certificate
      if (await this.heldByServiceKey(matcher.fingerprint)) continue;
      const field = `sender.authorization.certificates[${index}]`;
      throw new CertgateError(
        ErrorCode.certificateUnknown,
        `${field}: the certificate '${matcher.subjectDN}' is in no service key of a client_x509 service instance, so no sender could authenticate with it: add it as an external-certificate key first`,
        { field, fingerprint: matcher.fingerprint, subjectDN: matcher.subjectDN },
      );
    }
  }

  private async heldByServiceKey(fingerprint: string): Promise<boolean> {
    const holder = (await this.certIndex.get(IdentityKv.certIndex(fingerprint)))?.value;
    if (!holder) return false;
    const [key, instance] = await Promise.all([
      this.keys.get(IdentityKv.key(holder.instance, holder.key)),
      this.instances.get(IdentityKv.instance(holder.instance)),
    ]);
    return key?.value.certificate?.fingerprint === fingerprint && (instance?.value.parameters['grant-types'].includes('client_x509') ?? false);
  }
}
