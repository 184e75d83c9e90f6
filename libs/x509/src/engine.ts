// Loaded by every module that touches @peculiar/x509 or pkijs, so the crypto
// providers are in place whichever file a caller (or a spec) imports first.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';

// @types/node declares WebCrypto's types under `webcrypto` only (there is no DOM lib here).
export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

export const crypto = webcrypto;
export const subtle = webcrypto.subtle;

x509.cryptoProvider.set(webcrypto);
pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto }));

export { x509 };
