import { compareDer, decodeOid, encodeOid, encodeTlv, readTlv, readWhole } from './der';
import { X509Error } from './errors';

describe('DER reader', () => {
  it('reads short and long lengths', () => {
    const long = encodeTlv(0x04, new Uint8Array(300));
    expect(Array.from(long.subarray(0, 4))).toEqual([0x04, 0x82, 0x01, 0x2c]);
    expect(readWhole(long).end).toBe(304);
  });

  it.each([
    ['indefinite length (BER)', [0x30, 0x80, 0x00, 0x00]],
    ['a truncated element', [0x30, 0x05, 0x01]],
    ['a truncated length', [0x30, 0x82, 0x01]],
    ['a multi-byte tag', [0x1f, 0x81, 0x00]],
  ])('refuses %s with parse_error', (_what, bytes) => {
    expect(() => readTlv(Uint8Array.from(bytes))).toThrow(X509Error);
  });

  it('refuses trailing bytes when reading a whole element', () => {
    expect(() => readWhole(Uint8Array.from([0x05, 0x00, 0x00]))).toThrow(/trailing/);
  });

  it.each(['2.5.4.3', '1.2.840.113549.1.9.1', '0.9.2342.19200300.100.1.25', '2.999.1'])('round-trips OID %s', (oid) => {
    const der = encodeOid(oid);
    expect(decodeOid(der.subarray(2))).toBe(oid);
  });

  it('orders SET OF members as X.690 §11.6 says (shorter padded with zeros)', () => {
    expect(compareDer(Uint8Array.of(1, 2), Uint8Array.of(1, 3))).toBeLessThan(0);
    expect(compareDer(Uint8Array.of(1), Uint8Array.of(1, 0))).toBe(0);
    expect(compareDer(Uint8Array.of(2), Uint8Array.of(1, 9))).toBeGreaterThan(0);
  });
});
