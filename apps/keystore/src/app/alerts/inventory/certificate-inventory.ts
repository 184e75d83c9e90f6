import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
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
  type BucketName,
} from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';
import {
  apiRootCertificates,
  flowCertificates,
  keystoreEntryCertificates,
  mappingCertificates,
  serviceKeyCertificates,
  type ProblemReporter,
} from './certificate-sources';
import { IngressCertificates } from './ingress-certificates';
import type { TrackedCertificate } from './tracked-certificate';

/**
 * Every certificate certgate relies on, in memory. Each watched key of the keystore,
 * identity, flows and ingress buckets maps to the certificates it holds, re-derived only
 * when that key changes, so a scan reads no bucket. One KV watch per key filter (NATS
 * 2.9 takes one filter per watch).
 */
@Injectable()
export class CertificateInventory implements OnModuleInit {
  private readonly logger = new Logger('alerts.inventory');
  private projections: KvProjection<TrackedCertificate[]>[] = [];
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly buckets: KvBuckets,
    private readonly ingress: IngressCertificates,
  ) {}

  async onModuleInit(): Promise<void> {
    const problem: ProblemReporter = (ref, message) =>
      this.logger.warn({ msg: 'a certificate cannot be read; left out of the inventory', ref, problem: message });
    this.projections = await Promise.all([
      this.watch(
        Buckets.keystore,
        `${KeystoreKv.prefix}>`,
        storedKeystoreEntrySchema.transform((e) => keystoreEntryCertificates(e, problem)),
      ),
      this.watch(
        Buckets.identity,
        `${IdentityKv.prefixes.key}>`,
        storedServiceKeySchema.transform((k) => serviceKeyCertificates(k, problem)),
      ),
      this.watch(
        Buckets.identity,
        `${ClassicKv.prefixes.mapping}>`,
        certificateMappingSchema.transform((m) => mappingCertificates(m, problem)),
      ),
      this.watch(
        Buckets.flows,
        `${FlowsKv.prefix}>`,
        deployedFlowSchema.transform((f) => flowCertificates(f, problem)),
      ),
      this.watch(
        Buckets.ingress,
        IngressKv.trustedRoots,
        trustedRootsSchema.transform((r) => apiRootCertificates(r, problem)),
      ),
    ]);
  }

  /** Called after every change of a watched key (not for the ingress' answers: a scan asks for those). */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  *certificates(): Generator<TrackedCertificate> {
    for (const projection of this.projections) for (const certificates of projection.values()) yield* certificates;
    yield* this.ingress.certificates;
  }

  /** Asks the ingress for what only it knows; `onlyIfUnknown`: only until one has answered. */
  async refreshIngress(onlyIfUnknown = false): Promise<void> {
    if (onlyIfUnknown && this.ingress.hasAnswered) return;
    await this.ingress.refresh();
  }

  private watch(bucket: BucketName, key: string, schema: z.ZodType<TrackedCertificate[]>): Promise<KvProjection<TrackedCertificate[]>> {
    return this.buckets.project(bucket, { key, schema, logger: nestMessagingLogger('alerts.inventory'), onChange: () => this.listeners.forEach((l) => l()) });
  }
}
