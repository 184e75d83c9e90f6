import { Injectable, Logger } from '@nestjs/common';
import type { z } from 'zod';
import {
  CertgateError,
  clientIdOf,
  ErrorCode,
  IdentityKv,
  type createServiceKeySchema,
  type CreatedServiceKey,
  type GrantType,
  type ServiceInstance,
  type ServiceKeyType,
  type ServiceKeyView,
  type StoredServiceKey,
  errorMessage,
  LIMITS,
} from '@certgate/contracts';
import type { Certificate } from '@certgate/x509';
import { findInstance, requireInstance } from '../instances/require-instance';
import { IdentityRecords } from '../store/identity-records';
import { CertIndexService } from './cert-index';
import { generateClientSecret, hashClientSecret } from './client-secret';
import { acceptExternalCertificate } from './external-certificate';
import { GeneratedCertificateService } from './generated-certificate';

export type CreateServiceKeyBody = z.output<typeof createServiceKeySchema>;

/** Which grant type each key type serves (design §4). */
const GRANT_OF_KEY_TYPE: Record<ServiceKeyType, GrantType> = {
  'external-certificate': 'client_x509',
  certificate: 'client_x509',
  'client-secret': 'client_credentials',
};

export function toKeyView(key: StoredServiceKey): ServiceKeyView {
  const { secretHash: _hash, ...view } = key;
  return view;
}

@Injectable()
export class KeysService {
  private readonly logger = new Logger(KeysService.name);

  constructor(
    private readonly records: IdentityRecords,
    private readonly index: CertIndexService,
    private readonly generated: GeneratedCertificateService,
  ) {}

  async list(instance: string): Promise<ServiceKeyView[]> {
    await requireInstance(this.records, instance);
    return this.listOf(instance);
  }

  /** Keys of an instance known to exist (no 404 check). */
  async listOf(instance: string): Promise<ServiceKeyView[]> {
    return (await this.records.keys.list(IdentityKv.keysOf(instance))).map((s) => toKeyView(s.value));
  }

  async get(instance: string, key: string): Promise<ServiceKeyView> {
    return toKeyView((await this.require(instance, key)).value);
  }

  async create(instanceName: string, body: CreateServiceKeyBody, now = new Date()): Promise<CreatedServiceKey> {
    const instance = await requireInstance(this.records, instanceName);
    checkGrantType(instance, body.type);
    await this.refuseTakenName(instanceName, body.name);
    await this.refuseBeyondLimit(instanceName);
    const clientid = clientIdOf(instanceName, body.name);
    const base = { instance: instanceName, name: body.name, type: body.type, clientid, createdAt: now.toISOString() };
    switch (body.type) {
      case 'client-secret': {
        const secret = generateClientSecret();
        await this.write({ ...base, secretHash: hashClientSecret(secret) });
        return { ...base, clientsecret: secret };
      }
      case 'external-certificate':
        return this.writeWithCertificate(base, acceptExternalCertificate(body.certificate, now));
      case 'certificate': {
        const { certificate, privateKeyPem } = await this.generated.generate(clientid, body.keyType, body.validityDays);
        return { ...(await this.writeWithCertificate(base, certificate)), key: privateKeyPem };
      }
    }
  }

  async delete(instance: string, key: string): Promise<void> {
    await this.removeKey((await this.require(instance, key)).value);
  }

  /** Every key of an instance that is being deleted, with their index entries. */
  async deleteAllOf(instance: string): Promise<void> {
    for (const stored of await this.records.keys.list(IdentityKv.keysOf(instance))) await this.removeKey(stored.value);
  }

  /**
   * Index first, then the key: the index entry is the lock. If the key cannot be
   * written, the claim is released again, so nothing stays half-written.
   */
  private async writeWithCertificate(base: Omit<StoredServiceKey, 'certificate' | 'secretHash'>, cert: Certificate): Promise<ServiceKeyView> {
    const owner = { instance: base.instance, key: base.name };
    const indexRevision = await this.index.claim(cert.fingerprint, owner);
    const stored: StoredServiceKey = { ...base, certificate: cert.toInfo() };
    try {
      await this.write(stored);
    } catch (err) {
      await this.index.release(cert.fingerprint, indexRevision).catch((releaseErr: unknown) =>
        this.logger.error({
          msg: 'could not release the certificate index after a failed key write',
          ...owner,
          fingerprint: cert.fingerprint,
          error: errorMessage(releaseErr),
        }),
      );
      throw err;
    }
    return toKeyView(stored);
  }

  private async write(key: StoredServiceKey): Promise<void> {
    const kvKey = IdentityKv.key(key.instance, key.name);
    const revision = await this.records.keys.create(kvKey, key);
    if (revision === undefined) throw keyExists(key.instance, key.name);
    // An instance deleted while this key was being made takes the key with it.
    if (!(await findInstance(this.records, key.instance))) {
      await this.records.keys.delete(kvKey, revision);
      throw new CertgateError(ErrorCode.instanceNotFound, `service instance '${key.instance}' was deleted while the key was being created`, {
        instance: key.instance,
      });
    }
    this.logger.log({
      msg: 'service key created',
      instance: key.instance,
      key: key.name,
      type: key.type,
      clientid: key.clientid,
      fingerprint: key.certificate?.fingerprint,
    });
  }

  /** The key first (it stops authenticating at once), then its index entry. */
  private async removeKey(key: StoredServiceKey): Promise<void> {
    await this.records.keys.delete(IdentityKv.key(key.instance, key.name));
    if (key.certificate) await this.index.releaseFor(key.certificate.fingerprint, { instance: key.instance, key: key.name });
    this.logger.log({ msg: 'service key deleted', instance: key.instance, key: key.name, fingerprint: key.certificate?.fingerprint });
  }

  /** A count limit keeps an instance's keys readable in one answer (docs/limits.md); checked before the write, so two racing creates may pass it by one. */
  private async refuseBeyondLimit(instance: string): Promise<void> {
    const keys = await this.records.keys.list(IdentityKv.keysOf(instance));
    if (keys.length >= LIMITS.keysPerInstance)
      throw new CertgateError(
        ErrorCode.validationFailed,
        `service instance '${instance}' has ${keys.length} keys, the most one instance may have (${LIMITS.keysPerInstance}): delete one first`,
        { field: 'name', instance, limit: LIMITS.keysPerInstance },
      );
  }

  private async refuseTakenName(instance: string, key: string): Promise<void> {
    if (await this.records.keys.get(IdentityKv.key(instance, key))) throw keyExists(instance, key);
  }

  private async require(instance: string, key: string) {
    await requireInstance(this.records, instance);
    const stored = await this.records.keys.get(IdentityKv.key(instance, key));
    if (!stored) throw new CertgateError(ErrorCode.keyNotFound, `service instance '${instance}' has no key named '${key}'`, { instance, key });
    return stored;
  }
}

function keyExists(instance: string, key: string): CertgateError {
  return new CertgateError(ErrorCode.keyExists, `service instance '${instance}' already has a key named '${key}'`, { instance, key });
}

function checkGrantType(instance: ServiceInstance, type: ServiceKeyType): void {
  const needed = GRANT_OF_KEY_TYPE[type];
  const has = instance.parameters['grant-types'];
  if (!has.includes(needed)) {
    throw new CertgateError(
      ErrorCode.grantTypeInvalid,
      `a '${type}' key needs a service instance with grant type ${needed}; '${instance.name}' has ${has.join(', ') || 'none'}`,
      { field: 'type', instance: instance.name, type, grantTypes: has },
    );
  }
}
