// Reading and writing the ASN.1 of PKCS#12 (RFC 7292) with asn1js as it is:
// unlike certificates (see strict-der.ts), PKCS#12 files may be BER, and
// Windows and Java write indefinite lengths and OCTET STRINGs split into segments.
import * as asn1js from 'asn1js';
import { toArrayBuffer } from './encoding';
import { X509Error } from './errors';

export type Node = asn1js.AsnType;

function malformed(what: string, cause?: unknown): X509Error {
  return new X509Error('pkcs12_invalid', `the PKCS#12 file is damaged or not PKCS#12: ${what}`, { cause });
}

export function parseBer(bytes: Uint8Array, what: string): Node {
  const ab = toArrayBuffer(bytes);
  const { offset, result } = asn1js.fromBER(ab);
  if (offset === -1 || result.error) throw malformed(`cannot decode ${what}`);
  return result;
}

export function items(node: Node | undefined, what: string): Node[] {
  if (node instanceof asn1js.Sequence || node instanceof asn1js.Set) return node.valueBlock.value;
  throw malformed(`expected ${what}`);
}

export function oid(node: Node | undefined, what: string): string {
  if (node instanceof asn1js.ObjectIdentifier) return node.valueBlock.toString();
  throw malformed(`expected the OID of ${what}`);
}

export function int(node: Node | undefined, what: string): number {
  if (node instanceof asn1js.Integer) return node.valueBlock.valueDec;
  throw malformed(`expected ${what} (INTEGER)`);
}

export function octets(node: Node | undefined, what: string): Uint8Array {
  if (node instanceof asn1js.OctetString) return new Uint8Array(node.getValue());
  throw malformed(`expected ${what} (OCTET STRING)`);
}

export const isInteger = (node: Node): boolean => node instanceof asn1js.Integer;
export const isSequence = (node: Node): boolean => node instanceof asn1js.Sequence;

function isContext0(node: Node | undefined): node is asn1js.BaseBlock {
  return node instanceof asn1js.BaseBlock && node.idBlock.tagClass === 3 && node.idBlock.tagNumber === 0;
}

/** `[0] EXPLICIT T`: the inner T. */
export function explicit0(node: Node | undefined, what: string): Node {
  if (isContext0(node) && node instanceof asn1js.Constructed && node.valueBlock.value[0]) return node.valueBlock.value[0];
  throw malformed(`expected [0] ${what}`);
}

/** `[0] IMPLICIT OCTET STRING`, primitive or (BER) split into segments. */
export function implicit0Octets(node: Node | undefined, what: string): Uint8Array {
  if (isContext0(node)) {
    if (node instanceof asn1js.Constructed) {
      return Buffer.concat(node.valueBlock.value.map((segment) => octets(segment, what)));
    }
    if (node instanceof asn1js.Primitive) return new Uint8Array(node.valueBlock.valueHexView);
  }
  throw malformed(`expected [0] ${what}`);
}

// Builders.

export const seq = (...value: Node[]): asn1js.Sequence => new asn1js.Sequence({ value });
export const set = (...value: Node[]): asn1js.Set => new asn1js.Set({ value });
export const objectId = (value: string): asn1js.ObjectIdentifier => new asn1js.ObjectIdentifier({ value });
export const integer = (value: number): asn1js.Integer => new asn1js.Integer({ value });
export const octetString = (bytes: Uint8Array): asn1js.OctetString => new asn1js.OctetString({ valueHex: toArrayBuffer(bytes) });
export const nullValue = (): asn1js.Null => new asn1js.Null();
export const bmpString = (value: string): asn1js.BmpString => new asn1js.BmpString({ value });

export const context0 = (inner: Node): asn1js.Constructed => new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [inner] });

export const context0Octets = (bytes: Uint8Array): asn1js.Primitive =>
  new asn1js.Primitive({ idBlock: { tagClass: 3, tagNumber: 0 }, valueHex: toArrayBuffer(bytes) });

export function toDer(node: Node): Uint8Array {
  return new Uint8Array(node.toBER(false));
}
