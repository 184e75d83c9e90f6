import { createCipheriv, createDecipheriv, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, type KeyObject } from 'node:crypto';
import { X509Error } from './errors';

/*
 * Moves a private key PEM from the keystore to one flow-runtime replica over NATS so
 * that only that replica can read it: the replica sends a one-time X25519 public key,
 * the keystore answers with its own one-time key and the PEM under AES-256-GCM with a
 * key derived (HKDF-SHA256) from the shared secret. The alias is the additional data,
 * so a sealed key answers for that alias only.
 */
const ALG = 'X25519-HKDF-SHA256-A256GCM' as const;
const HKDF_INFO = 'certgate key material for the flow runtime v1';
// SPKI DER prefix of an X25519 public key; the raw 32 bytes follow it.
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');

export interface SealedPrivateKey {
  alg: typeof ALG;
  ephemeralPublicKey: string;
  iv: string;
  tag: string;
  data: string;
}

/** The requester's side: keep `privateKey` in memory, send `publicKey` (raw, base64url). */
export interface RecipientKey {
  publicKey: string;
  privateKey: KeyObject;
}

export function createRecipientKey(): RecipientKey {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return { publicKey: rawPublicKey(publicKey).toString('base64url'), privateKey };
}

export function sealForRecipient(recipientPublicKey: string, alias: string, privateKeyPem: string): SealedPrivateKey {
  const recipient = x25519PublicKey(recipientPublicKey);
  const ephemeral = generateKeyPairSync('x25519');
  const key = deriveKey(diffieHellman({ privateKey: ephemeral.privateKey, publicKey: recipient }), alias);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(alias, 'utf8'));
  const data = Buffer.concat([cipher.update(privateKeyPem, 'utf8'), cipher.final()]);
  return {
    alg: ALG,
    ephemeralPublicKey: rawPublicKey(ephemeral.publicKey).toString('base64url'),
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

export function openFromSender(recipient: RecipientKey, alias: string, sealed: SealedPrivateKey): string {
  if (sealed.alg !== ALG) throw new X509Error('key_transport', `key material sealed with '${String(sealed.alg)}', expected ${ALG}`);
  try {
    const key = deriveKey(diffieHellman({ privateKey: recipient.privateKey, publicKey: x25519PublicKey(sealed.ephemeralPublicKey) }), alias);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(alias, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]).toString('utf8');
  } catch (cause) {
    throw new X509Error('key_transport', `the key material of '${alias}' cannot be opened: it was not sealed for this requester or was altered`, { cause });
  }
}

function deriveKey(secret: Buffer, alias: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.from(alias, 'utf8'), HKDF_INFO, 32));
}

function rawPublicKey(key: KeyObject): Buffer {
  return key.export({ format: 'der', type: 'spki' }).subarray(X25519_SPKI_PREFIX.length);
}

function x25519PublicKey(raw: string): KeyObject {
  const bytes = Buffer.from(raw, 'base64url');
  if (bytes.length !== 32) throw new X509Error('key_transport', 'an X25519 public key is 32 bytes');
  return createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, bytes]), format: 'der', type: 'spki' });
}
