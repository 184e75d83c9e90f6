// The password-based cryptography of PKCS#12: PBES2 (RFC 8018) for the key
// and certificate bags, and the PKCS#12 KDF (RFC 7292 Appendix B) that
// derives the MAC key. The legacy PKCS#12 PBE schemes (RC2, RC4, 3DES) are
// recognised only to be refused with advice.
import { MacData } from '@peculiar/asn1-pfx';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { createCipheriv, createDecipheriv, createHash, createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { X509Error } from './errors';
import { malformed, octetStringContent, parseBer } from './pkcs12-ber';
import { Pbes2Params, Pbkdf2Params, type AsnInteger } from './pkcs12-schemas';

const pbkdf2Async = promisify(pbkdf2);

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';

/** Refuse absurd iteration counts: a crafted file must not keep the admin service busy for hours. */
const MAX_ITERATIONS = 10_000_000;

export const LEGACY_PBE: Record<string, string> = {
  '1.2.840.113549.1.12.1.1': 'pbeWithSHAAnd128BitRC4',
  '1.2.840.113549.1.12.1.2': 'pbeWithSHAAnd40BitRC4',
  '1.2.840.113549.1.12.1.3': 'pbeWithSHAAnd3-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.4': 'pbeWithSHAAnd2-KeyTripleDES-CBC',
  '1.2.840.113549.1.12.1.5': 'pbeWithSHAAnd128BitRC2-CBC',
  '1.2.840.113549.1.12.1.6': 'pbeWithSHAAnd40BitRC2-CBC',
  '1.2.840.113549.1.5.1': 'pbeWithMD2AndDES-CBC',
  '1.2.840.113549.1.5.3': 'pbeWithMD5AndDES-CBC',
  '1.2.840.113549.1.5.4': 'pbeWithMD2AndRC2-CBC',
  '1.2.840.113549.1.5.6': 'pbeWithMD5AndRC2-CBC',
  '1.2.840.113549.1.5.10': 'pbeWithSHA1AndDES-CBC',
  '1.2.840.113549.1.5.11': 'pbeWithSHA1AndRC2-CBC',
};

const PRF_HASH: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.8': 'sha224',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const HMAC_SHA1 = '1.2.840.113549.2.7';
const HMAC_SHA256 = '1.2.840.113549.2.9';

const CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};
const AES_256_CBC = '2.16.840.1.101.3.4.1.42';

const DIGEST_HASH: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
const SHA256 = '2.16.840.1.101.3.4.2.1';

const CONVERT_ADVICE =
  'Convert it with OpenSSL 3 (you are asked for the passwords): ' +
  '`openssl pkcs12 -in old.p12 -legacy -nodes | openssl pkcs12 -export -out new.p12 -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256` ' +
  '(PBES2 with AES-256-CBC), then upload new.p12';

export function legacyAlgorithmError(algorithmOid: string): X509Error {
  return new X509Error(
    'pkcs12_legacy_algorithm',
    `this PKCS#12 file is protected with the legacy algorithm ${LEGACY_PBE[algorithmOid]}, which is weak and no longer accepted. ${CONVERT_ADVICE}`,
  );
}

export class BadPassword extends Error {}

function checkIterations(count: AsnInteger): number {
  const n = Number(count);
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_ITERATIONS) {
    throw new X509Error('pkcs12_invalid', `the PKCS#12 file asks for ${n} key-derivation iterations, which is outside 1..${MAX_ITERATIONS}`);
  }
  return n;
}

/** Decrypts data protected by an EncryptedPrivateKeyInfo / EncryptedContentInfo algorithm. */
export async function decrypt(alg: AlgorithmIdentifier, data: Uint8Array, password: string): Promise<Uint8Array> {
  if (LEGACY_PBE[alg.algorithm]) throw legacyAlgorithmError(alg.algorithm);
  if (alg.algorithm !== PBES2)
    throw new X509Error(
      'unsupported_algorithm',
      `the PKCS#12 file uses the encryption algorithm ${alg.algorithm}, which is not supported; use PBES2 with AES-256-CBC`,
    );
  const { keyDerivationFunc: kdf, encryptionScheme: scheme } = parseBer(alg.parameters, Pbes2Params, 'PBES2 parameters');
  if (kdf.algorithm !== PBKDF2) throw new X509Error('unsupported_algorithm', `the PKCS#12 file derives keys with ${kdf.algorithm}; only PBKDF2 is supported`);
  const kdfParams = parseBer(kdf.parameters, Pbkdf2Params, 'PBKDF2 parameters');
  const iterations = checkIterations(kdfParams.iterationCount);
  const prf = kdfParams.prf?.algorithm ?? HMAC_SHA1;
  const hash = PRF_HASH[prf];
  if (!hash) throw new X509Error('unsupported_algorithm', `the PKCS#12 file uses the PBKDF2 PRF ${prf}, which is not supported`);
  const cipher = CIPHERS[scheme.algorithm];
  if (!cipher) throw new X509Error('unsupported_algorithm', `the PKCS#12 file encrypts with ${scheme.algorithm}, which is not supported; use AES-256-CBC`);
  // Every supported cipher has a fixed key size; any other length could only fail, after deriving as many bytes as the file asks.
  if (kdfParams.keyLength !== undefined && Number(kdfParams.keyLength) !== cipher.keyLength)
    throw malformed(`PBKDF2 key length ${kdfParams.keyLength} for ${cipher.name}`);
  const iv = octetStringContent(scheme.parameters, 'the cipher IV');
  const key = await pbkdf2Async(Buffer.from(password, 'utf8'), new Uint8Array(kdfParams.salt.buffer), iterations, cipher.keyLength, hash);
  try {
    const decipher = createDecipheriv(cipher.name, key, iv);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new BadPassword();
  }
}

/** PBES2 AlgorithmIdentifier and ciphertext: PBKDF2-HMAC-SHA256, AES-256-CBC. */
export async function encrypt(data: Uint8Array, password: string, iterations: number): Promise<{ algorithm: AlgorithmIdentifier; ciphertext: Uint8Array }> {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  const kdfParams = new Pbkdf2Params({
    salt: new OctetString(salt),
    iterationCount: iterations,
    prf: new AlgorithmIdentifier({ algorithm: HMAC_SHA256, parameters: null }),
  });
  const pbes2Params = new Pbes2Params({
    keyDerivationFunc: new AlgorithmIdentifier({ algorithm: PBKDF2, parameters: AsnConvert.serialize(kdfParams) }),
    encryptionScheme: new AlgorithmIdentifier({ algorithm: AES_256_CBC, parameters: AsnConvert.serialize(new OctetString(iv)) }),
  });
  return { algorithm: new AlgorithmIdentifier({ algorithm: PBES2, parameters: AsnConvert.serialize(pbes2Params) }), ciphertext };
}

/** The password as PKCS#12 wants it for the KDF: UTF-16BE with a terminating zero (RFC 7292 Appendix B.1). */
function bmpPassword(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]);
}

function repeatTo(data: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let k = 0; k < length && data.length > 0; k++) out[k] = data[k % data.length];
  return out;
}

/** RFC 7292 Appendix B.2. id 3 derives MAC keys. */
function pkcs12Kdf(hash: string, password: Buffer, salt: Buffer, id: number, iterations: number, n: number): Buffer {
  const u = createHash(hash).digest().length;
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([repeatTo(salt, v * Math.ceil(salt.length / v)), repeatTo(password, v * Math.ceil(password.length / v))]);
  const blocks: Buffer[] = [];
  for (let i = 0; i < Math.ceil(n / u); i++) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash).update(A).digest();
    blocks.push(A);
    const B = repeatTo(A, v);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k] + B[k] + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(blocks).subarray(0, n);
}

function computeMac(hash: string, password: Buffer, salt: Buffer, iterations: number, data: Uint8Array): Buffer {
  const key = pkcs12Kdf(hash, password, salt, 3, iterations, createHash(hash).digest().length);
  return createHmac(hash, key).update(data).digest();
}

/**
 * Checks the MacData over the authSafe content. For an empty password OpenSSL
 * may have used either an empty BMPString or none at all, so both are tried.
 */
export function macMatches(macData: MacData, password: string, data: Uint8Array): boolean {
  const alg = macData.mac.digestAlgorithm.algorithm;
  const hash = DIGEST_HASH[alg];
  if (!hash)
    throw new X509Error(
      'unsupported_algorithm',
      `the PKCS#12 file is protected by a MAC with ${alg}, which is not supported; re-export it with -macalg sha256`,
    );
  const expected = Buffer.from(macData.mac.digest.buffer);
  const salt = Buffer.from(macData.macSalt.buffer);
  const iterations = checkIterations(macData.iterations);
  const candidates = password === '' ? [bmpPassword(''), Buffer.alloc(0)] : [bmpPassword(password)];
  return candidates.some((p) => {
    const actual = computeMac(hash, p, salt, iterations, data);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
}

export function buildMacData(password: string, data: Uint8Array, iterations: number): MacData {
  const salt = randomBytes(16);
  const macData = new MacData({ macSalt: new OctetString(salt), iterations });
  // Filled in place: MacData's DigestInfo comes from @peculiar/asn1-rsa, which is not ours to import.
  macData.mac.digestAlgorithm = new AlgorithmIdentifier({ algorithm: SHA256, parameters: null });
  macData.mac.digest = new OctetString(computeMac('sha256', bmpPassword(password), salt, iterations, data));
  return macData;
}
