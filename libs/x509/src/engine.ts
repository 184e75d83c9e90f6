// Loaded by every module that touches @peculiar/x509, so the crypto provider is in
// place whichever file a caller (or a spec) imports first.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

// @types/node declares WebCrypto's types under `webcrypto` only (there is no DOM lib here).
export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;

export const crypto = webcrypto;
export const subtle = webcrypto.subtle;

x509.cryptoProvider.set(webcrypto);

export { x509 };
