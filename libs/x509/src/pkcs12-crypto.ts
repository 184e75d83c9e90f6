// The password-based cryptography of PKCS#12: PBES2 (RFC 8018) for the key
// and certificate bags, and the PKCS#12 KDF (RFC 7292 Appendix B) that
// derives the MAC key. The legacy PKCS#12 PBE schemes (RC2, RC4, 3DES) are
// recognised only to be refused with advice.
import { createCipheriv, createDecipheriv, createHash, createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { X509Error } from './errors';
import { int, integer, isInteger, isSequence, items, nullValue, objectId, octetString, octets, oid, seq, type Node } from './pkcs12-asn1';

const pbkdf2Async = promisify(pbkdf2);

export const PBES2 = '1.2.840.113549.1.5.13';
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

export const DIGEST_HASH: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.4': 'sha224',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};
export const SHA256 = '2.16.840.1.101.3.4.2.1';

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

function checkIterations(n: number): number {
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_ITERATIONS) {
    throw new X509Error('pkcs12_invalid', `the PKCS#12 file asks for ${n} key-derivation iterations, which is outside 1..${MAX_ITERATIONS}`);
  }
  return n;
}

/** An AlgorithmIdentifier's OID and parameters. */
export function algorithm(node: Node | undefined, what: string): { oid: string; params?: Node } {
  const [id, params] = items(node, what);
  return { oid: oid(id, what), params };
}

/** Decrypts data protected by an EncryptedPrivateKeyInfo / EncryptedContentInfo algorithm. */
export async function decrypt(alg: { oid: string; params?: Node }, data: Uint8Array, password: string): Promise<Uint8Array> {
  if (LEGACY_PBE[alg.oid]) throw legacyAlgorithmError(alg.oid);
  if (alg.oid !== PBES2)
    throw new X509Error(
      'unsupported_algorithm',
      `the PKCS#12 file uses the encryption algorithm ${alg.oid}, which is not supported; use PBES2 with AES-256-CBC`,
    );
  const [kdfNode, schemeNode] = items(alg.params, 'PBES2 parameters');
  const kdf = algorithm(kdfNode, 'the key derivation function');
  if (kdf.oid !== PBKDF2) throw new X509Error('unsupported_algorithm', `the PKCS#12 file derives keys with ${kdf.oid}; only PBKDF2 is supported`);
  const kdfParams = items(kdf.params, 'PBKDF2 parameters');
  const salt = octets(kdfParams[0], 'the PBKDF2 salt');
  const iterations = checkIterations(int(kdfParams[1], 'the PBKDF2 iteration count'));
  // keyLength (INTEGER) and prf (SEQUENCE) are both optional.
  const rest = kdfParams.slice(2);
  const keyLengthNode = rest.find(isInteger);
  const prfNode = rest.find(isSequence);
  const prf = prfNode ? algorithm(prfNode, 'the PBKDF2 PRF').oid : HMAC_SHA1;
  const hash = PRF_HASH[prf];
  if (!hash) throw new X509Error('unsupported_algorithm', `the PKCS#12 file uses the PBKDF2 PRF ${prf}, which is not supported`);
  const scheme = algorithm(schemeNode, 'the encryption scheme');
  const cipher = CIPHERS[scheme.oid];
  if (!cipher) throw new X509Error('unsupported_algorithm', `the PKCS#12 file encrypts with ${scheme.oid}, which is not supported; use AES-256-CBC`);
  const iv = octets(scheme.params, 'the cipher IV');
  const keyLength = keyLengthNode ? int(keyLengthNode, 'the PBKDF2 key length') : cipher.keyLength;
  const key = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, keyLength, hash);
  try {
    const decipher = createDecipheriv(cipher.name, key, iv);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    throw new BadPassword();
  }
}

/** PBES2 AlgorithmIdentifier and ciphertext: PBKDF2-HMAC-SHA256, AES-256-CBC. */
export async function encrypt(data: Uint8Array, password: string, iterations: number): Promise<{ algorithm: Node; ciphertext: Uint8Array }> {
  const salt = randomBytes(16);
  const iv = randomBytes(16);
  const key = await pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, 32, 'sha256');
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  const algorithmId = seq(
    objectId(PBES2),
    seq(
      seq(objectId(PBKDF2), seq(octetString(salt), integer(iterations), seq(objectId(HMAC_SHA256), nullValue()))),
      seq(objectId(AES_256_CBC), octetString(iv)),
    ),
  );
  return { algorithm: algorithmId, ciphertext };
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
export function pkcs12Kdf(hash: string, password: Buffer, salt: Buffer, id: number, iterations: number, n: number): Buffer {
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

export function computeMac(hash: string, password: Buffer, salt: Buffer, iterations: number, data: Uint8Array): Buffer {
  const key = pkcs12Kdf(hash, password, salt, 3, iterations, createHash(hash).digest().length);
  return createHmac(hash, key).update(data).digest();
}

/**
 * Checks the MacData over the authSafe content. For an empty password OpenSSL
 * may have used either an empty BMPString or none at all, so both are tried.
 */
export function macMatches(macData: Node, password: string, data: Uint8Array): boolean {
  const [digestInfo, saltNode, iterationsNode] = items(macData, 'MacData');
  const [digestAlg, digestNode] = items(digestInfo, 'the MAC DigestInfo');
  const alg = algorithm(digestAlg, 'the MAC algorithm');
  const hash = DIGEST_HASH[alg.oid];
  if (!hash)
    throw new X509Error(
      'unsupported_algorithm',
      `the PKCS#12 file is protected by a MAC with ${alg.oid}, which is not supported; re-export it with -macalg sha256`,
    );
  const expected = Buffer.from(octets(digestNode, 'the MAC value'));
  const salt = Buffer.from(octets(saltNode, 'the MAC salt'));
  const iterations = checkIterations(iterationsNode ? int(iterationsNode, 'the MAC iteration count') : 1);
  const candidates = password === '' ? [bmpPassword(''), Buffer.alloc(0)] : [bmpPassword(password)];
  return candidates.some((p) => {
    const actual = computeMac(hash, p, salt, iterations, data);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  });
}

export function buildMacData(password: string, data: Uint8Array, iterations: number): Node {
  const salt = randomBytes(16);
  const mac = computeMac('sha256', bmpPassword(password), salt, iterations, data);
  return seq(seq(seq(objectId(SHA256), nullValue()), octetString(mac)), octetString(salt), integer(iterations));
}
