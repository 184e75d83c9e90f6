import { z } from 'zod';
import { nameSchema } from '../common';

export const keyMaterialRequestSchema = z
  .object({
    alias: nameSchema('an alias'),
    /** The requester's one-time X25519 public key, raw 32 bytes in base64url. */
    recipientPublicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'recipientPublicKey must be a raw X25519 public key in base64url'),
  })
  .strict();
export type KeyMaterialRequest = z.infer<typeof keyMaterialRequestSchema>;

/**
 * A private key sealed to one recipient: X25519 with the keystore's one-time key,
 * HKDF-SHA256 into AES-256-GCM, the alias as additional data.
 */
export const sealedForRecipientSchema = z.object({
  alg: z.literal('X25519-HKDF-SHA256-A256GCM'),
  ephemeralPublicKey: z.string(),
  iv: z.string(),
  tag: z.string(),
  data: z.string(),
});
export type SealedForRecipient = z.infer<typeof sealedForRecipientSchema>;

export const keyMaterialSchema = z.object({
  alias: z.string(),
  /** SHA-256 of the leaf: the runtime keeps its TLS context while this stays the same. */
  fingerprint: z.string(),
  notAfter: z.string(),
  /** Leaf first. */
  chainPem: z.string(),
  privateKey: sealedForRecipientSchema,
});
export type KeyMaterial = z.infer<typeof keyMaterialSchema>;
