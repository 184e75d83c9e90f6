import { z } from 'zod';
import { nameSchema } from '../common';

export const DEFAULT_SYSTEM_KEY_ALIAS = 'sap_cloudintegrationcertificate';
/** The tenant's client CA: issues `certificate` service keys; the ingress always trusts its root. */
export const CLIENT_CA_ALIAS = 'certgate_client_ca';

/** AES-256-GCM under CERTGATE_MASTER_KEY; the alias is bound as additional data. */
export const encryptedKeySchema = z.object({
  alg: z.literal('A256GCM'),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
export type EncryptedKey = z.infer<typeof encryptedKeySchema>;

export const ENTRY_STATUSES = ['valid', 'expiring', 'expired'] as const;

/** A keystore entry as stored in the keystore bucket (a private key only encrypted). */
export const storedKeystoreEntrySchema = z.object({
  alias: nameSchema('an alias'),
  kind: z.enum(['key-pair', 'certificate']),
  owner: z.enum(['system', 'tenant']),
  subjectDN: z.string(),
  issuerDN: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprint: z.string(),
  /** Leaf first. */
  chainPem: z.string(),
  encryptedKey: encryptedKeySchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredKeystoreEntry = z.infer<typeof storedKeystoreEntrySchema>;

export const keystoreEntryViewSchema = storedKeystoreEntrySchema.omit({ encryptedKey: true }).extend({ status: z.enum(ENTRY_STATUSES) });
export type KeystoreEntryView = z.infer<typeof keystoreEntryViewSchema>;

/** Key layout of the keystore bucket; the runtime and ingress watch it. */
export const KeystoreKv = {
  entry: (alias: string) => `entry.${alias}`,
  prefix: 'entry.',
} as const;
