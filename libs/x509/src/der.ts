// A minimal strict DER reader/writer for the few structures this library walks
// by hand (names, the TBS fields of certificates and CSRs). BER oddities such as
// indefinite lengths are refused: certificates must be DER (RFC 5280 §4.1).
import { X509Error } from './errors';

export interface Tlv {
  tag: number;
  /** Offset of the tag byte in the source. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content. */
  end: number;
  bytes: Uint8Array;
}

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  t61String: 0x14,
  ia5String: 0x16,
  visibleString: 0x1a,
  universalString: 0x1c,
  bmpString: 0x1e,
  numericString: 0x12,
  sequence: 0x30,
  set: 0x31,
} as const;

function malformed(what: string): X509Error {
  return new X509Error('parse_error', `malformed DER: ${what}`);
}

export function readTlv(bytes: Uint8Array, offset = 0): Tlv {
  if (offset + 2 > bytes.length) throw malformed('truncated element');
  const tag = bytes[offset];
  if ((tag & 0x1f) === 0x1f) throw malformed('multi-byte tags are not supported');
  let length = bytes[offset + 1];
  let contentStart = offset + 2;
  if (length & 0x80) {
    const count = length & 0x7f;
    if (count === 0) throw malformed('indefinite length (BER) is not DER');
    if (count > 4) throw malformed('length too large');
    if (contentStart + count > bytes.length) throw malformed('truncated length');
    length = 0;
    for (let k = 0; k < count; k++) length = length * 256 + bytes[contentStart + k];
    contentStart += count;
  }
  const end = contentStart + length;
  if (end > bytes.length) throw malformed('element runs past the end of the data');
  return { tag, start: offset, contentStart, end, bytes };
}

export function content(tlv: Tlv): Uint8Array {
  return tlv.bytes.subarray(tlv.contentStart, tlv.end);
}

export function encoded(tlv: Tlv): Uint8Array {
  return tlv.bytes.subarray(tlv.start, tlv.end);
}

export function children(tlv: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let offset = tlv.contentStart;
  while (offset < tlv.end) {
    const child = readTlv(tlv.bytes, offset);
    if (child.end > tlv.end) throw malformed('child element runs past its parent');
    out.push(child);
    offset = child.end;
  }
  return out;
}

export function expectTag(tlv: Tlv, tag: number, what: string): Tlv {
  if (tlv.tag !== tag) throw malformed(`expected ${what}`);
  return tlv;
}

/** Reads one element that must span all of `bytes` (no trailing garbage). */
export function readWhole(bytes: Uint8Array): Tlv {
  const tlv = readTlv(bytes, 0);
  if (tlv.end !== bytes.length) throw malformed(`${bytes.length - tlv.end} unexpected trailing byte(s)`);
  return tlv;
}

export function decodeOid(bytes: Uint8Array): string {
  if (bytes.length === 0) throw malformed('empty OID');
  const arcs: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if (!(b & 0x80)) {
      arcs.push(value);
      value = 0;
    }
  }
  const first = arcs[0] < 40 ? 0 : arcs[0] < 80 ? 1 : 2;
  return [first, arcs[0] - first * 40, ...arcs.slice(1)].join('.');
}

export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const out: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) out.unshift(n & 0xff);
  return Uint8Array.of(0x80 | out.length, ...out);
}

export function encodeTlv(tag: number, body: Uint8Array): Uint8Array {
  return Buffer.concat([Uint8Array.of(tag), encodeLength(body.length), body]);
}

export function encodeOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map(Number);
  const out: number[] = [];
  const push = (n: number) => {
    const group: number[] = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) group.unshift((v & 0x7f) | 0x80);
    out.push(...group);
  };
  push(arcs[0] * 40 + arcs[1]);
  arcs.slice(2).forEach(push);
  return encodeTlv(TAG.oid, Uint8Array.from(out));
}

/** X.690 §11.6: a DER SET OF lists its members in ascending order of their encodings. */
export function compareDer(a: Uint8Array, b: Uint8Array): number {
  const n = Math.max(a.length, b.length);
  for (let k = 0; k < n; k++) {
    const d = (a[k] ?? 0) - (b[k] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
