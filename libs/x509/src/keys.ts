import { createPrivateKey, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import type { Certificate } from './certificate';
import { pemDecodeAll, pemEncode } from './encoding';
import { subtle, type CryptoKey, type CryptoKeyPair } from './engine';
import { X509Error } from './errors';

export type KeySpec = { type: 'RSA'; size: 2048 | 3072 | 4096 } | { type: 'EC'; curve: 'P-256' | 'P-384' };

type SigningAlgorithm = { name: 'RSASSA-PKCS1-v1_5'; hash: string } | { name: 'ECDSA'; hash: string };

const RSA_SIZES = new Set([2048, 3072, 4096]);
const EC_CURVES = new Set(['P-256', 'P-384']);
/** Node's curve names, for keys read from PEM or PKCS#12. P-521 is accepted there though we do not generate it. */
const CURVE_BY_NODE_NAME: Record<string, string> = { prime256v1: 'P-256', secp384r1: 'P-384', secp521r1: 'P-521' };
const HASH_BY_CURVE: Record<string, string> = { 'P-256': 'SHA-256', 'P-384': 'SHA-384', 'P-521': 'SHA-512' };
const MIN_RSA_BITS = 2048;

/** An extractable key pair for signing: RSASSA-PKCS1-v1_5 with SHA-256, or ECDSA. */
export async function generateKeyPair(spec: KeySpec): Promise<CryptoKeyPair> {
  if (spec.type === 'RSA' && RSA_SIZES.has(spec.size)) {
    return subtle.generateKey({ name: 'RSASSA-PKCS1-v1_5', modulusLength: spec.size, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' }, true, [
      'sign',
      'verify',
    ]);
  }
  if (spec.type === 'EC' && EC_CURVES.has(spec.curve)) {
    return subtle.generateKey({ name: 'ECDSA', namedCurve: spec.curve }, true, ['sign', 'verify']);
  }
  throw new X509Error('unsupported_algorithm', `cannot generate a ${JSON.stringify(spec)} key: use RSA 2048/3072/4096 or EC P-256/P-384`);
}

/** PKCS#8 `PRIVATE KEY` PEM. Handle the result as the secret it is. */
export async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  return pemEncode('PRIVATE KEY', new Uint8Array(await subtle.exportKey('pkcs8', key)));
}

export async function exportPublicKeyPem(key: CryptoKey): Promise<string> {
  return pemEncode('PUBLIC KEY', new Uint8Array(await subtle.exportKey('spki', key)));
}

/**
 * A signing key from PEM: PKCS#8 (`PRIVATE KEY`), PKCS#1 (`RSA PRIVATE KEY`) or
 * SEC1 (`EC PRIVATE KEY`); the type and curve are read from the key itself.
 */
export async function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  if (pem.trim() === '') throw new X509Error('empty_input', 'no private key was given (the input is empty)');
  const blocks = pemDecodeAll(pem);
  if (blocks.some((b) => b.label === 'ENCRYPTED PRIVATE KEY' || b.headers.some((h) => h.includes('ENCRYPTED')))) {
    throw new X509Error('parse_error', 'the private key is protected by a passphrase; supply it unencrypted (-----BEGIN PRIVATE KEY-----)');
  }
  if (!blocks.some((b) => b.label.endsWith('PRIVATE KEY'))) {
    const found = blocks.length ? `a '${blocks[0].label}' PEM block` : 'text that is not PEM';
    throw new X509Error('parse_error', `expected a private key (-----BEGIN PRIVATE KEY-----) but got ${found}`);
  }
  let keyObject: KeyObject;
  try {
    keyObject = createPrivateKey({ key: pem, format: 'pem' });
  } catch (cause) {
    throw new X509Error('parse_error', 'the private key cannot be decoded; is the PEM complete?', { cause });
  }
  return importKeyObject(keyObject);
}

/** Internal: a WebCrypto signing key for a Node private KeyObject. */
export async function importKeyObject(keyObject: KeyObject): Promise<CryptoKey> {
  const der = keyObject.export({ type: 'pkcs8', format: 'der' });
  return subtle.importKey('pkcs8', der, importAlgorithm(keyObject), true, ['sign']);
}

/** Internal: WebCrypto import parameters for a Node key (RSA ≥ 2048 bits, EC P-256/P-384). */
export function importAlgorithm(key: KeyObject): { name: string; hash?: string; namedCurve?: string } {
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') {
    if ((details.modulusLength ?? 0) < MIN_RSA_BITS) {
      throw new X509Error('unsupported_algorithm', `RSA keys shorter than ${MIN_RSA_BITS} bits are refused (this one has ${details.modulusLength})`);
    }
    return { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  }
  const curve = key.asymmetricKeyType === 'ec' ? CURVE_BY_NODE_NAME[details.namedCurve ?? ''] : undefined;
  if (curve) return { name: 'ECDSA', namedCurve: curve };
  const what = key.asymmetricKeyType === 'ec' ? `EC ${details.namedCurve}` : key.asymmetricKeyType;
  throw new X509Error('unsupported_algorithm', `${what} keys are not supported: use RSA (2048 bits or more) or EC P-256/P-384`);
}

/** The signature algorithm to use with a key: SHA-256 for RSA, the curve's own hash size for ECDSA. */
export function signingAlgorithmFor(key: CryptoKey): SigningAlgorithm {
  const alg = key.algorithm as { name: string; namedCurve?: string; hash?: { name: string } };
  if (alg.name === 'RSASSA-PKCS1-v1_5') return { name: 'RSASSA-PKCS1-v1_5', hash: alg.hash?.name ?? 'SHA-256' };
  if (alg.name === 'ECDSA' && alg.namedCurve && HASH_BY_CURVE[alg.namedCurve]) return { name: 'ECDSA', hash: HASH_BY_CURVE[alg.namedCurve] };
  throw new X509Error('unsupported_algorithm', `cannot sign with a ${alg.name} key: use RSASSA-PKCS1-v1_5 or ECDSA`);
}

function certificateKeyObject(cert: Certificate): KeyObject | undefined {
  try {
    return createPublicKey({ key: Buffer.from(cert.spkiDer), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/**
 * Internal: whether two public keys are the same, by their SPKI DER. Not KeyObject.equals:
 * on Node 20, comparing keys of different types (EC with RSA) leaves an OpenSSL error
 * queued, and the next unrelated key operation of the process fails with "different key types".
 */
export function samePublicKey(a: KeyObject, b: KeyObject): boolean {
  return a.export({ type: 'spki', format: 'der' }).equals(b.export({ type: 'spki', format: 'der' }));
}

/** Whether `privateKey` is the private half of the certificate's public key. */
export async function keyMatchesCertificate(privateKey: CryptoKey, cert: Certificate): Promise<boolean> {
  const certKey = certificateKeyObject(cert);
  if (!certKey) return false;
  if (privateKey.extractable) {
    const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', privateKey));
    return samePublicKey(createPublicKey(createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })), certKey);
  }
  // A key that cannot be exported can still prove itself by signing.
  try {
    const algorithm = signingAlgorithmFor(privateKey);
    const challenge = randomBytes(32);
    const signature = await subtle.sign(algorithm, privateKey, challenge);
    const publicKey = await subtle.importKey('spki', Buffer.from(cert.spkiDer), { ...privateKey.algorithm, ...algorithm }, false, ['verify']);
    return await subtle.verify(algorithm, publicKey, signature, challenge);
  } catch {
    return false;
  }
}

/** Short description of a certificate's key, e.g. 'EC P-256' or 'RSA 2048'. */
export function describeKey(cert: Certificate): string {
  const key = certificateKeyObject(cert);
  if (!key) return 'unknown';
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return `RSA ${details.modulusLength}`;
    case 'rsa-pss':
      return `RSA-PSS ${details.modulusLength}`;
    case 'ec':
      return `EC ${CURVE_BY_NODE_NAME[details.namedCurve ?? ''] ?? details.namedCurve}`;
    case 'ed25519':
      return 'Ed25519';
    case 'ed448':
      return 'Ed448';
    default:
      return key.asymmetricKeyType ?? 'unknown';
  }
}
