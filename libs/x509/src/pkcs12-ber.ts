// Reading PKCS#12 (RFC 7292) into the @peculiar/asn1-* schemas. Unlike
// certificates (see strict-der.ts), PKCS#12 files may be BER: Windows and Java
// write indefinite lengths, which asn1js reads, and OCTET STRINGs split into
// segments (the constructed form), which the schemas mishandle: asn1-schema's
// OctetString reads a segmented string as empty, silently, and a field typed
// OCTET STRING refuses it. So the segments are joined before a schema sees them.
import { AsnParser, OctetString } from '@peculiar/asn1-schema';
import * as asn1js from 'asn1js';
import { X509Error } from './errors';

export function malformed(what: string, cause?: unknown): X509Error {
  return new X509Error('pkcs12_invalid', `the PKCS#12 file is damaged or not PKCS#12: ${what}`, { cause });
}

function segments(node: asn1js.OctetString): Uint8Array {
  if (!node.idBlock.isConstructed) return node.valueBlock.valueHexView;
  // asn1js has checked that every segment is itself an OCTET STRING; BER lets them nest.
  return Buffer.concat(node.valueBlock.value.map((segment) => segments(segment as asn1js.OctetString)));
}

function joinSegments(node: asn1js.AsnType): asn1js.AsnType {
  if (node instanceof asn1js.OctetString && node.idBlock.isConstructed) {
    // Decoded rather than built: ANY fields take the bytes a node was decoded from.
    return asn1js.fromBER(new asn1js.OctetString({ valueHex: segments(node) }).toBER(), { parseEmbedded: false }).result;
  }
  const members: unknown = node.idBlock.isConstructed ? (node.valueBlock as { value?: unknown }).value : undefined;
  if (Array.isArray(members)) members.forEach((member: asn1js.AsnType, k) => (members[k] = joinSegments(member)));
  return node;
}

/** `bytes` (BER) as `schema`, or pkcs12_invalid naming `what` was expected. */
export function parseBer<T>(bytes: ArrayBuffer | Uint8Array | null | undefined, schema: new () => T, what: string): T {
  if (!bytes) throw malformed(`expected ${what}`);
  let parsed: asn1js.FromBerResult;
  try {
    // What lies inside an OCTET STRING is parsed, if at all, by the schema its context names.
    parsed = asn1js.fromBER(bytes, { parseEmbedded: false });
  } catch (cause) {
    throw malformed(`cannot decode ${what}`, cause);
  }
  if (parsed.offset === -1) throw malformed(`cannot decode ${what}`);
  try {
    return AsnParser.fromASN(joinSegments(parsed.result), schema);
  } catch (cause) {
    throw malformed(`expected ${what}`, cause);
  }
}

/** The content of an OCTET STRING, primitive or segmented. */
export function octetStringContent(bytes: ArrayBuffer | Uint8Array | null | undefined, what: string): Uint8Array {
  return new Uint8Array(parseBer(bytes, OctetString, what).buffer);
}
