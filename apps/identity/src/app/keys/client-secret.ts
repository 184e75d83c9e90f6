import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, base64url: long enough that a fast hash is as good as a slow one. */
export function generateClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256 hex: all the bucket keeps of a secret. */
export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}
