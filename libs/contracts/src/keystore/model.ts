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

/** The key algorithm fields of a request that makes a key pair (design §5): RSA 2048/3072/4096 or EC P-256/P-384. */
export const RSA_KEY_FIELDS = {
  keyType: z.literal('RSA'),
  keySize: z.union([z.literal(2048), z.literal(3072), z.literal(4096)], { error: 'keySize must be 2048, 3072 or 4096' }).default(2048),
};
export const EC_KEY_FIELDS = {
  keyType: z.literal('EC'),
  curve: z.enum(['P-256', 'P-384'], { error: 'curve must be P-256 or P-384' }).default('P-256'),
};
export type KeyPairSpec = { keyType: 'RSA'; keySize: 2048 | 3072 | 4096 } | { keyType: 'EC'; curve: 'P-256' | 'P-384' };

/** One request schema per key type, each with the same other fields, so unknown fields are still refused. */
export function withKeySpec<T extends z.ZodRawShape>(fields: T) {
  return z.discriminatedUnion('keyType', [z.object({ ...fields, ...RSA_KEY_FIELDS }).strict(), z.object({ ...fields, ...EC_KEY_FIELDS }).strict()], {
    error: "keyType must be 'RSA' or 'EC'",
  });
}

/** The leaf's facts and the chain (leaf first) of a key pair or trusted certificate. */
const chainFacts = {
  subjectDN: z.string(),
  issuerDN: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprint: z.string(),
  chainPem: z.string(),
};
export type ChainFacts = { [K in keyof typeof chainFacts]: string };

/**
 * A new key pair waiting to replace an entry's current one (renewal): the entry keeps
 * serving its current pair until the operator activates this one under the same alias.
 * Its private key is sealed for `<alias>/renewal`, so it cannot be opened as the current one.
 */
export const pendingKeyPairSchema = z.object({
  keyAlgorithm: z.string(),
  /** Self-signed until the CA's chain is imported. */
  ...chainFacts,
  encryptedKey: encryptedKeySchema,
  createdAt: z.string(),
});
export type PendingKeyPair = z.infer<typeof pendingKeyPairSchema>;

/** A keystore entry as stored in the keystore bucket (a private key only encrypted). */
export const storedKeystoreEntrySchema = z.object({
  alias: nameSchema('an alias'),
  kind: z.enum(['key-pair', 'certificate']),
  owner: z.enum(['system', 'tenant']),
  ...chainFacts,
  encryptedKey: encryptedKeySchema.optional(),
  /** e.g. `EC P-256`, `RSA 2048`; absent on entries stored before it was recorded. */
  keyAlgorithm: z.string().optional(),
  pending: pendingKeyPairSchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StoredKeystoreEntry = z.infer<typeof storedKeystoreEntrySchema>;

export const keystoreEntryViewSchema = storedKeystoreEntrySchema.omit({ encryptedKey: true, pending: true }).extend({
  status: z.enum(ENTRY_STATUSES),
  /** Certificates in `chainPem`; 1 with subject = issuer means self-signed (no CA chain imported yet). */
  chainLength: z.number().int(),
  pending: pendingKeyPairSchema.omit({ encryptedKey: true }).optional(),
});
export type KeystoreEntryView = z.infer<typeof keystoreEntryViewSchema>;

/** Key layout of the keystore bucket; the runtime and ingress watch it. */
export const KeystoreKv = {
  entry: (alias: string) => `entry.${alias}`,
  prefix: 'entry.',
} as const;
