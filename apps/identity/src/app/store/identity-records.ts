import { Injectable } from '@nestjs/common';
import {
  Buckets,
  certificateMappingSchema,
  certIndexSchema,
  groupSchema,
  roleSchema,
  serviceInstanceSchema,
  storedServiceKeySchema,
  storedUserSchema,
} from '@certgate/contracts';
import { KvBuckets } from '@certgate/messaging';

/**
 * The identity bucket (design §2, layout `IdentityKv` / `ClassicKv`), one repository per
 * kind of value: every value is checked against its schema both ways. Only identity
 * writes here; the runtime and ingress watch it.
 */
@Injectable()
export class IdentityRecords {
  private readonly bucket = this.buckets.bucket(Buckets.identity);
  readonly roles = this.bucket.repository(roleSchema, 'role');
  readonly instances = this.bucket.repository(serviceInstanceSchema, 'service instance');
  readonly keys = this.bucket.repository(storedServiceKeySchema, 'service key');
  /** `cert.<sha256>`: which key holds a certificate (the uniqueness index). */
  readonly certIndex = this.bucket.repository(certIndexSchema, 'certificate index entry');
  readonly mappings = this.bucket.repository(certificateMappingSchema, 'certificate mapping');
  readonly users = this.bucket.repository(storedUserSchema, 'user');
  readonly groups = this.bucket.repository(groupSchema, 'group');

  constructor(private readonly buckets: KvBuckets) {}
}
