// What a TLS server says in the clear up to ServerHelloDone (RFC 5246 §7.4), read
// from the bytes it sent. Node has no API for the CertificateRequest, and in TLS 1.3
// it is encrypted; in TLS 1.2 it is plaintext, so a client that records the
// server's bytes can read which CAs the server accepts client certificates from.
//
//   struct { ContentType type; ProtocolVersion version; uint16 length; opaque fragment[length]; } TLSPlaintext;
//   struct { HandshakeType msg_type; uint24 length; body } Handshake;
//   struct { ClientCertificateType certificate_types<1..2^8-1>;
//            SignatureAndHashAlgorithm supported_signature_algorithms<2^16-1>;   (TLS 1.2 only)
//            DistinguishedName certificate_authorities<0..2^16-1>; } CertificateRequest;
import { X509Error } from './errors';
import { tlsAlertName } from './tls-alerts';

export interface TlsCertificateRequest {
  /** ClientCertificateType codes, e.g. 1 rsa_sign, 64 ecdsa_sign. */
  certificateTypes: number[];
  /** SignatureAndHashAlgorithm as uint16 (hash << 8 | signature), e.g. 0x0403 ecdsa_secp256r1_sha256. */
  signatureAlgorithms: number[];
  /** DER-encoded DistinguishedNames of the CAs the server accepts; empty means "any". */
  certificateAuthorities: Uint8Array[];
}

export interface TlsAlert {
  level: 'warning' | 'fatal';
  code: number;
  /** RFC 8446 §6 name, e.g. `protocol_version`. */
  name: string;
}

export interface TlsServerFlight {
  /** The negotiated version (supported_versions extension, else ServerHello's), e.g. 0x0303 for TLS 1.2. */
  version?: number;
  cipherSuite?: number;
  /** DER certificates of the Certificate message, leaf first as sent. */
  certificates: Uint8Array[];
  certificateRequest?: TlsCertificateRequest;
  /** ServerHelloDone arrived: the server has sent everything it sends in the clear. */
  done: boolean;
  alert?: TlsAlert;
  /** The server switched to encrypted records (TLS 1.3, or a resumed session): nothing more is readable. */
  encrypted: boolean;
}

const ContentType = { changeCipherSpec: 20, alert: 21, handshake: 22, applicationData: 23 } as const;
const HandshakeType = { serverHello: 2, certificate: 11, certificateRequest: 13, serverHelloDone: 14 } as const;
const TLS_1_2 = 0x0303;
const SUPPORTED_VERSIONS_EXTENSION = 43;
const RECORD_HEADER = 5;
const HANDSHAKE_HEADER = 4;
/** RFC 5246 §6.2.1: a record fragment may not exceed 2^14 bytes (plus expansion for protected records). */
const MAX_RECORD = 16_384 + 2_048;

/**
 * Reads the server's side of a TLS handshake from its raw bytes. Incomplete
 * trailing data is left for a later call with more bytes; reading stops at the
 * first alert, at ServerHelloDone or where records become encrypted.
 * Throws X509Error('parse_error') for bytes that are not TLS.
 */
export function readServerFlight(bytes: Uint8Array): TlsServerFlight {
  const flight: TlsServerFlight = { certificates: [], done: false, encrypted: false };
  const handshake = new HandshakeAssembler();
  let offset = 0;
  while (offset + RECORD_HEADER <= bytes.length && !flight.done && !flight.alert && !flight.encrypted) {
    const type = bytes[offset];
    const major = bytes[offset + 1];
    const length = (bytes[offset + 3] << 8) | bytes[offset + 4];
    if (major !== 3 || length > MAX_RECORD || !Object.values(ContentType).includes(type as never)) {
      throw malformed(`byte ${offset} does not start a TLS record (type ${type}, version ${major}.${bytes[offset + 2]}, length ${length})`);
    }
    if (offset + RECORD_HEADER + length > bytes.length) break;
    const fragment = bytes.subarray(offset + RECORD_HEADER, offset + RECORD_HEADER + length);
    offset += RECORD_HEADER + length;
    switch (type) {
      case ContentType.alert:
        flight.alert = readAlert(fragment);
        break;
      case ContentType.handshake:
        for (const message of handshake.add(fragment)) {
          applyHandshake(flight, message.type, message.body);
          if (flight.done) break;
        }
        break;
      default:
        flight.encrypted = true;
    }
  }
  return flight;
}

/** The client certificate types of RFC 5246 §7.4.4 and RFC 8422 §5.5 by code, for display. */
export function clientCertificateTypeName(code: number): string {
  return CERTIFICATE_TYPES[code] ?? `type_${code}`;
}

const CERTIFICATE_TYPES: Record<number, string> = {
  1: 'rsa_sign',
  2: 'dss_sign',
  3: 'rsa_fixed_dh',
  4: 'dss_fixed_dh',
  64: 'ecdsa_sign',
  65: 'rsa_fixed_ecdh',
  66: 'ecdsa_fixed_ecdh',
};

class HandshakeAssembler {
  private pending = new Uint8Array(0);

  /** Complete handshake messages so far; a message may span records, and a record may hold several. */
  add(fragment: Uint8Array): Array<{ type: number; body: Uint8Array }> {
    const joined = new Uint8Array(this.pending.length + fragment.length);
    joined.set(this.pending);
    joined.set(fragment, this.pending.length);
    const messages: Array<{ type: number; body: Uint8Array }> = [];
    let offset = 0;
    while (offset + HANDSHAKE_HEADER <= joined.length) {
      const length = (joined[offset + 1] << 16) | (joined[offset + 2] << 8) | joined[offset + 3];
      if (offset + HANDSHAKE_HEADER + length > joined.length) break;
      messages.push({ type: joined[offset], body: joined.subarray(offset + HANDSHAKE_HEADER, offset + HANDSHAKE_HEADER + length) });
      offset += HANDSHAKE_HEADER + length;
    }
    this.pending = joined.subarray(offset);
    return messages;
  }
}

function applyHandshake(flight: TlsServerFlight, type: number, body: Uint8Array): void {
  switch (type) {
    case HandshakeType.serverHello:
      Object.assign(flight, readServerHello(body));
      break;
    case HandshakeType.certificate:
      flight.certificates = readCertificateList(body);
      break;
    case HandshakeType.certificateRequest:
      flight.certificateRequest = readCertificateRequest(body, flight.version ?? TLS_1_2);
      break;
    case HandshakeType.serverHelloDone:
      flight.done = true;
      break;
  }
}

function readAlert(fragment: Uint8Array): TlsAlert {
  if (fragment.length < 2) throw malformed('truncated alert');
  return { level: fragment[0] === 1 ? 'warning' : 'fatal', code: fragment[1], name: tlsAlertName(fragment[1]) };
}

function readServerHello(body: Uint8Array): { version: number; cipherSuite: number } {
  const r = new Reader(body, 'ServerHello');
  let version = r.uint16();
  r.skip(32); // random
  r.vector(1); // session id
  const cipherSuite = r.uint16();
  r.skip(1); // compression method
  if (!r.atEnd()) {
    const extensions = new Reader(r.vector(2), 'ServerHello extensions');
    while (!extensions.atEnd()) {
      const type = extensions.uint16();
      const data = extensions.vector(2);
      if (type === SUPPORTED_VERSIONS_EXTENSION && data.length === 2) version = (data[0] << 8) | data[1];
    }
  }
  return { version, cipherSuite };
}

function readCertificateList(body: Uint8Array): Uint8Array[] {
  const list = new Reader(new Reader(body, 'Certificate').vector(3), 'certificate_list');
  const certificates: Uint8Array[] = [];
  while (!list.atEnd()) certificates.push(new Uint8Array(list.vector(3)));
  return certificates;
}

function readCertificateRequest(body: Uint8Array, version: number): TlsCertificateRequest {
  const r = new Reader(body, 'CertificateRequest');
  const certificateTypes = Array.from(r.vector(1));
  const signatureAlgorithms: number[] = [];
  if (version >= TLS_1_2) {
    const algorithms = new Reader(r.vector(2), 'supported_signature_algorithms');
    while (!algorithms.atEnd()) signatureAlgorithms.push(algorithms.uint16());
  }
  const names = new Reader(r.vector(2), 'certificate_authorities');
  const certificateAuthorities: Uint8Array[] = [];
  while (!names.atEnd()) certificateAuthorities.push(new Uint8Array(names.vector(2)));
  return { certificateTypes, signatureAlgorithms, certificateAuthorities };
}

/** Bounds-checked reads of TLS presentation-language fields. */
class Reader {
  private offset = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly what: string,
  ) {}

  atEnd(): boolean {
    return this.offset >= this.bytes.length;
  }

  skip(n: number): void {
    this.take(n);
  }

  uint16(): number {
    const b = this.take(2);
    return (b[0] << 8) | b[1];
  }

  /** A variable-length vector with a length prefix of `lengthBytes` bytes. */
  vector(lengthBytes: 1 | 2 | 3): Uint8Array {
    let length = 0;
    for (const b of this.take(lengthBytes)) length = (length << 8) | b;
    return this.take(length);
  }

  private take(n: number): Uint8Array {
    if (this.offset + n > this.bytes.length) throw malformed(`truncated ${this.what}`);
    const out = this.bytes.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }
}

function malformed(detail: string): X509Error {
  return new X509Error('parse_error', `the server's bytes are not a well-formed TLS handshake: ${detail}`);
}
