import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { KV, NatsConnection } from 'nats';
import type { z } from 'zod';
import {
  Buckets,
  ClassicKv,
  certificateMappingSchema,
  deployedFlowSchema,
  FlowsKv,
  IdentityKv,
  IngressKv,
  KeystoreKv,
  storedKeystoreEntrySchema,
  storedServiceKeySchema,
  trustedRootsSchema,
} from '@certgate/contracts';
import { ensureKv, KvCache, NATS_CONNECTION, nestMessagingLogger } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { KeystoreEnv } from '../../keystore-env';
import { apiRootCertificates, flowCertificates, keystoreEntryCertificates, mappingCertificates, serviceKeyCertificates, type ProblemReporter } from './certificate-sources';
import { IngressCertificates } from './ingress-certificates';
import type { TrackedCertificate } from './tracked-certificate';

/**
 * Every certificate certgate relies on, in memory. Each watched key of the keystore,
 * identity, flows and ingress buckets maps to the certificates it holds, re-derived only
 * when that key changes, so a scan reads no bucket. One KV watch per key filter (NATS
 * 2.9 takes one filter per watch).
 */
@Injectable()
export class CertificateInventory implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('alerts.inventory');
  private caches: KvCache<TrackedCertificate[]>[] = [];
  private readonly listeners: (() => void)[] = [];

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
    private readonly ingress: IngressCertificates,
  ) {}

  async onModuleInit(): Promise<void> {
    const open = (bucket: (typeof Buckets)[keyof typeof Buckets]) => ensureKv(this.nc, this.env.CERTGATE_TENANT, bucket);
    const [keystore, identity, flows, ingress] = await Promise.all([open(Buckets.keystore), open(Buckets.identity), open(Buckets.flows), open(Buckets.ingress)]);
    const problem: ProblemReporter = (ref, message) => this.logger.warn({ msg: 'a certificate cannot be read; left out of the inventory', ref, problem: message });
    this.caches = await Promise.all([
      this.watch(keystore, `${KeystoreKv.prefix}>`, storedKeystoreEntrySchema.transform((e) => keystoreEntryCertificates(e, problem))),
      this.watch(identity, `${IdentityKv.prefixes.key}>`, storedServiceKeySchema.transform((k) => serviceKeyCertificates(k, problem))),
      this.watch(identity, `${ClassicKv.prefixes.mapping}>`, certificateMappingSchema.transform((m) => mappingCertificates(m, problem))),
      this.watch(flows, `${FlowsKv.prefix}>`, deployedFlowSchema.transform((f) => flowCertificates(f, problem))),
      this.watch(ingress, IngressKv.trustedRoots, trustedRootsSchema.transform((r) => apiRootCertificates(r, problem))),
    ]);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.caches.map((c) => c.stop()));
  }

  /** Called after every change of a watched key (not for the ingress' answers: a scan asks for those). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  *certificates(): Generator<TrackedCertificate> {
    for (const cache of this.caches) for (const certificates of cache.values()) yield* certificates;
    yield* this.ingress.certificates;
  }

  /** Asks the ingress for what only it knows; `onlyIfUnknown`: only until one has answered. */
  async refreshIngress(onlyIfUnknown = false): Promise<void> {
    if (onlyIfUnknown && this.ingress.hasAnswered) return;
    await this.ingress.refresh();
  }

  private watch(kv: KV, key: string, schema: z.ZodType<TrackedCertificate[]>): Promise<KvCache<TrackedCertificate[]>> {
    return KvCache.start(kv, { key, schema, logger: nestMessagingLogger('alerts.inventory'), onChange: () => this.listeners.forEach((l) => l()) });
  }
}
