// asn1js reads BER, but certificates and CSRs must be DER (RFC 5280 §4.1). So
// wherever we walk a structure ourselves we also refuse the BER forms asn1js
// accepts without a word: indefinite lengths, multi-byte tags (X.509 has none),
// length fields padded past four bytes, and bytes after the outer element.
import * as asn1js from 'asn1js';
import { X509Error } from './errors';

export type DerNode = asn1js.BaseBlock;

export const UNIVERSAL = {
  integer: 2,
  oid: 6,
  utf8String: 12,
  sequence: 16,
  set: 17,
  numericString: 18,
  printableString: 19,
  teletexString: 20,
  ia5String: 22,
  visibleString: 26,
  universalString: 28,
  bmpString: 30,
} as const;

function malformed(what: string, cause?: unknown): X509Error {
  return new X509Error('parse_error', `malformed DER: ${what}`, { cause });
}

// asn1js checks a member's length against the end of the whole input, not of
// its parent, so a damaged length lets a member overrun its parent unnoticed.
function lengthsAgree(node: DerNode): boolean {
  const { idBlock, lenBlock } = node;
  if (!lenBlock.isIndefiniteForm && node.blockLength !== idBlock.blockLength + lenBlock.blockLength + lenBlock.length) return false;
  const members: unknown = (node.valueBlock as { value?: unknown }).value;
  return !Array.isArray(members) || members.every((m) => !(m instanceof asn1js.BaseBlock) || lengthsAgree(m));
}

function hasDerHeader(node: DerNode): boolean {
  return !node.lenBlock.isIndefiniteForm && node.idBlock.blockLength === 1 && node.lenBlock.blockLength <= 5;
}

/** The element at the start of `bytes`; `encoded(node).length` says where it ends. */
export function readDerPrefix(bytes: Uint8Array): DerNode {
  let parsed: asn1js.FromBerResult;
  try {
    // Guessing at structure inside OCTET and BIT STRINGs is work we never use.
    parsed = asn1js.fromBER(bytes, { parseEmbedded: false, copyInput: false });
  } catch (cause) {
    // asn1js throws instead of failing for some bad string contents (an odd-length BMPString).
    throw malformed('undecodable element', cause);
  }
  if (parsed.offset === -1) throw malformed(parsed.result.error || 'undecodable element');
  if (!hasDerHeader(parsed.result)) throw malformed('indefinite length or multi-byte tag (BER, not DER)');
  if (!lengthsAgree(parsed.result)) throw malformed('an element runs past the end of the one containing it');
  return parsed.result;
}

/** One element that must span all of `bytes` (no trailing garbage). */
export function readDer(bytes: Uint8Array): DerNode {
  const node = readDerPrefix(bytes);
  const trailing = bytes.length - encoded(node).length;
  if (trailing > 0) throw malformed(`${trailing} unexpected trailing byte(s)`);
  return node;
}

/** The exact source bytes of an element, tag and length included: a view into the parsed input. */
export function encoded(node: DerNode): Uint8Array {
  return node.valueBeforeDecodeView;
}

export function isUniversal(node: DerNode | undefined, tagNumber: number, constructed = false): node is DerNode {
  return node?.idBlock.tagClass === 1 && node.idBlock.tagNumber === tagNumber && node.idBlock.isConstructed === constructed;
}

export function isContextConstructed(node: DerNode | undefined, tagNumber: number): boolean {
  return node?.idBlock.tagClass === 3 && node.idBlock.tagNumber === tagNumber && node.idBlock.isConstructed;
}

/** The members of a SEQUENCE or SET, each with a DER header. */
export function membersOf(node: DerNode | undefined, tag: typeof UNIVERSAL.sequence | typeof UNIVERSAL.set, what: string): DerNode[] {
  if (!isUniversal(node, tag, true) || !(node instanceof asn1js.Constructed)) throw malformed(`expected ${what}`);
  const members = node.valueBlock.value;
  if (!members.every(hasDerHeader)) throw malformed(`${what} has a member with an indefinite length or multi-byte tag`);
  return members;
}
