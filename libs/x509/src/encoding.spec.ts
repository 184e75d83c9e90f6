import { copyBytes, decodeBareBase64, fromHex, pemDecodeAll, pemEncode, toArrayBuffer, toHex } from './encoding';
import { X509Error } from './errors';

describe('encoding helpers', () => {
  it("regression: Buffer#slice() shares Node's pool, so copies must be made with new Uint8Array (PKCS#12 salts were written as 8 KiB of pool memory)", () => {
    const small = Buffer.from('abc');
    expect(small.buffer.byteLength).toBeGreaterThan(3);
    expect(toArrayBuffer(small).byteLength).toBe(3);
    const copy = copyBytes(small);
    expect(copy.buffer.byteLength).toBe(3);
    small[0] = 0x7a;
    expect(copy[0]).toBe(0x61);
  });

  it('hex round-trips and refuses odd or non-hex input', () => {
    expect(toHex(fromHex('00ff10'))).toBe('00ff10');
    expect(() => fromHex('abc')).toThrow(X509Error);
    expect(() => fromHex('zz')).toThrow(X509Error);
  });

  it('PEM: 64-character lines, labels kept, headers separated', () => {
    const pem = pemEncode('TEST', new Uint8Array(100));
    expect(pem.split('\n').map((l) => l.length)).toEqual([20, 64, 64, 8, 18, 0]);
    const [block] = pemDecodeAll(
      `x\n-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n`,
    );
    expect(block.label).toBe('RSA PRIVATE KEY');
    expect(block.headers).toEqual(['Proc-Type: 4,ENCRYPTED', 'DEK-Info: AES-128-CBC,00']);
    expect(Array.from(block.der)).toEqual([0, 0, 0]);
  });

  it('a BEGIN without its matching END is not a block', () => {
    expect(pemDecodeAll('-----BEGIN CERTIFICATE-----\nAAAA\n-----END PRIVATE KEY-----\n')).toEqual([]);
  });

  it('bare base64 is recognised only when it looks like base64', () => {
    expect(decodeBareBase64('QUJDREVGR0hJSktMTU5PUA==')).toBeDefined();
    expect(decodeBareBase64('hello world')).toBeUndefined();
    expect(decodeBareBase64('QUJD')).toBeUndefined();
  });
});
