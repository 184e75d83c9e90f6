import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { activeSigningKeySchema, Buckets, storedKeystoreEntrySchema, storedSigningKeySchema } from '@certgate/contracts';
import { KvBuckets } from '@certgate/messaging';

/**
 * Keys of the bucket that are the keystore's own bookkeeping, not entries: they sit
 * outside `entry.` so caches watching `entry.>` never see them.
 */
export const ProvisioningMarkers = {
  /** Written once the system key pair of an alias was provisioned: a pair deleted later on purpose stays deleted. */
  systemKey: (alias: string) => `provisioned.system-key.${alias}`,
} as const;

/** Only a marker's presence counts; `at` is for an operator reading the bucket. */
export const provisioningMarkerSchema = z.object({ at: z.string() });

/**
 * The keystore bucket: entries under `KeystoreKv.entry(alias)` (private keys only
 * sealed by the KeyVault), provisioning markers, and the token signing keys in the
 * `SigningKv` layout (`signing.key.<kid>` and the `signing.active` pointer).
 */
@Injectable()
export class KeystoreRecords {
  private readonly bucket = this.buckets.bucket(Buckets.keystore);
  readonly entries = this.bucket.repository(storedKeystoreEntrySchema, 'keystore entry');
  readonly provisioningMarkers = this.bucket.repository(provisioningMarkerSchema, 'provisioning marker');
  readonly signingKeys = this.bucket.repository(storedSigningKeySchema, 'signing key');
  /** Changed only by compare-and-set, so replicas never disagree on the key that signs. */
  readonly activeSigningKey = this.bucket.repository(activeSigningKeySchema, 'active signing key');

  constructor(private readonly buckets: KvBuckets) {}
}
