import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import { decrypt, encrypt } from './pkcs12-crypto';
import { Pbes2Params, Pbkdf2Params } from './pkcs12-schemas';

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
const AES_128_CBC = '2.16.840.1.101.3.4.1.2';
const salt = Buffer.alloc(8, 1);
const iv = Buffer.alloc(16, 2);

/** PBES2 with AES-128-CBC and PBKDF2 as given: no PRF means HMAC-SHA1 (RFC 8018 A.2). */
function pbes2(kdf: Partial<Pbkdf2Params>): AlgorithmIdentifier {
  const kdfParams = new Pbkdf2Params({ salt: new OctetString(salt), ...kdf });
  const params = new Pbes2Params({
    keyDerivationFunc: new AlgorithmIdentifier({ algorithm: PBKDF2, parameters: AsnConvert.serialize(kdfParams) }),
    encryptionScheme: new AlgorithmIdentifier({ algorithm: AES_128_CBC, parameters: AsnConvert.serialize(new OctetString(iv)) }),
  });
  return new AlgorithmIdentifier({ algorithm: PBES2, parameters: AsnConvert.serialize(params) });
}

function sha1Aes128(plain: string): Uint8Array {
  const cipher = createCipheriv('aes-128-cbc', pbkdf2Sync('pw', salt, 10, 16, 'sha1'), iv);
  return Buffer.concat([cipher.update(plain), cipher.final()]);
}

describe('PKCS#12 PBES2', () => {
  it('round-trips what it encrypts', async () => {
    const { algorithm, ciphertext } = await encrypt(Buffer.from('secret bag'), 'pw', 10);
    expect(Buffer.from(await decrypt(algorithm, ciphertext, 'pw')).toString()).toBe('secret bag');
  });

  it('takes HMAC-SHA1 when the PRF is absent, and a key length that fits the cipher', async () => {
    const hmacSha1 = new AlgorithmIdentifier({ algorithm: '1.2.840.113549.2.7', parameters: null });
    for (const optional of [{}, { keyLength: 16 }, { keyLength: 16, prf: hmacSha1 }, { prf: hmacSha1 }]) {
      const plain = await decrypt(pbes2({ iterationCount: 10, ...optional }), sha1Aes128('bag'), 'pw');
      expect(Buffer.from(plain).toString()).toBe('bag');
    }
  });

  it('refuses a key length the cipher cannot use before deriving it', async () => {
    await expect(decrypt(pbes2({ iterationCount: 10, keyLength: 1 << 30 }), sha1Aes128('bag'), 'pw')).rejects.toThrow(
      expect.objectContaining({ code: 'pkcs12_invalid', message: expect.stringContaining('key length 1073741824') }),
    );
  });

  it('refuses iteration counts beyond the limit, including those asn1-schema reads as strings', async () => {
    await expect(decrypt(pbes2({ iterationCount: 10_000_001 }), sha1Aes128('bag'), 'pw')).rejects.toThrow(
      expect.objectContaining({ code: 'pkcs12_invalid', message: expect.stringContaining('10000001 key-derivation iterations') }),
    );
  });
});
