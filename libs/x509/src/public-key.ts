import { createPublicKey, type KeyObject } from 'node:crypto';
import { pemDecodeAll } from './encoding';
import { subtle, type CryptoKey } from './engine';
import { X509Error } from './errors';
import { importAlgorithm } from './keys';

/**
 * A public key from an SPKI PEM (`-----BEGIN PUBLIC KEY-----`), as a CA needs it to
 * issue a certificate for a key pair someone else holds. RSA (2048 bits or more) and
 * EC P-256/P-384/P-521; anything else is refused with the reason.
 */
export async function importPublicKeyPem(pem: string): Promise<CryptoKey> {
  if (pem.trim() === '') throw new X509Error('empty_input', 'no public key was given (the input is empty)');
  let blocks;
  try {
    blocks = pemDecodeAll(pem);
  } catch (cause) {
    throw new X509Error('parse_error', 'the public key is not valid PEM', { cause });
  }
  if (blocks.some((b) => b.label.endsWith('PRIVATE KEY'))) {
    throw new X509Error('parse_error', 'the input contains a private key: send only the public key (-----BEGIN PUBLIC KEY-----)');
  }
  const block = blocks.find((b) => b.label === 'PUBLIC KEY');
  if (!block) {
    const found = blocks.length ? `a '${blocks[0].label}' PEM block` : 'text that is not PEM';
    throw new X509Error('parse_error', `expected a public key (-----BEGIN PUBLIC KEY-----) but got ${found}`);
  }
  let keyObject: KeyObject;
  try {
    keyObject = createPublicKey({ key: Buffer.from(block.der), format: 'der', type: 'spki' });
  } catch (cause) {
    throw new X509Error('parse_error', 'the public key cannot be decoded; is the PEM complete?', { cause });
  }
  // Extractable: issuing computes the subject key identifier from the exported key.
  return subtle.importKey('spki', block.der, importAlgorithm(keyObject), true, ['verify']);
}
