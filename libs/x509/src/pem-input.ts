// Turns whatever a user pasted or uploaded into certificate DERs, refusing
// loudly what is clearly something else (a private key above all).
import { x509 } from './engine';
import { TAG, children, readTlv, readWhole } from './der';
import { binaryAsPemText, decodeBareBase64, pemDecodeAll, toArrayBuffer, toBytes, type BinaryInput, type PemBlock } from './encoding';
import { X509Error } from './errors';

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'CMS']);
const PKCS7_SIGNED_DATA = Uint8Array.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02]);

const WHAT_IS: Record<string, string> = {
  'CERTIFICATE REQUEST': 'a certificate signing request (CSR), not a certificate: send the certificate your CA issued for it',
  'NEW CERTIFICATE REQUEST': 'a certificate signing request (CSR), not a certificate: send the certificate your CA issued for it',
  'PUBLIC KEY': 'a bare public key, not a certificate',
  'X509 CRL': 'a certificate revocation list, not a certificate',
};

function privateKeyError(): X509Error {
  return new X509Error(
    'not_a_certificate',
    'the input contains a private key: certificates only, please. Never send or paste a private key; if this one left your hands, consider it compromised',
  );
}

function certificateBlocks(blocks: PemBlock[]): Uint8Array[] {
  if (blocks.some((b) => b.label.endsWith('PRIVATE KEY'))) throw privateKeyError();
  const ders: Uint8Array[] = [];
  for (const block of blocks) {
    if (CERTIFICATE_LABELS.has(block.label)) ders.push(block.der);
    else if (PKCS7_LABELS.has(block.label)) ders.push(...pkcs7Certificates(block.der));
  }
  if (ders.length === 0) {
    const label = blocks[0]?.label ?? '';
    const what = WHAT_IS[label] ?? `a '${label}' PEM block, not a certificate`;
    throw new X509Error('not_a_certificate', `the input is ${what}`);
  }
  return ders;
}

function pkcs7Certificates(der: Uint8Array): Uint8Array[] {
  try {
    return new x509.X509Certificates(toArrayBuffer(der)).map((c) => new Uint8Array(c.rawData));
  } catch (cause) {
    throw new X509Error('parse_error', 'the PKCS#7 bundle cannot be decoded', { cause });
  }
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array, at: number): boolean {
  return prefix.every((b, k) => bytes[at + k] === b);
}

/** Certificates as raw DER: one, several concatenated (some tools do that), or a PKCS#7 bundle. */
function derCertificates(bytes: Uint8Array): Uint8Array[] {
  let first;
  try {
    first = readTlv(bytes, 0);
  } catch (cause) {
    throw new X509Error('parse_error', 'the input is neither PEM text nor DER-encoded certificate data', { cause });
  }
  if (first.tag !== TAG.sequence) throw new X509Error('parse_error', 'the input is neither PEM text nor DER-encoded certificate data');
  if (startsWith(bytes, PKCS7_SIGNED_DATA, first.contentStart)) return pkcs7Certificates(bytes);
  if (looksLikePrivateKey(bytes)) throw privateKeyError();
  const ders: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length; ) {
    let tlv;
    try {
      tlv = readTlv(bytes, offset);
    } catch (cause) {
      throw new X509Error('parse_error', `the DER data is damaged after ${ders.length} certificate(s)`, { cause });
    }
    ders.push(bytes.slice(tlv.start, tlv.end));
    offset = tlv.end;
  }
  return ders;
}

/** PKCS#8 and PKCS#1/SEC1 keys start SEQUENCE { INTEGER version, ... }; certificates with SEQUENCE { SEQUENCE ... }. */
function looksLikePrivateKey(bytes: Uint8Array): boolean {
  try {
    const [version] = children(readWhole(bytes));
    return version?.tag === TAG.integer;
  } catch {
    return false;
  }
}

function textCertificates(text: string): Uint8Array[] {
  if (text.trim() === '') throw new X509Error('empty_input', 'no certificate was given (the input is empty)');
  const blocks = pemDecodeAll(text);
  if (blocks.length > 0) return certificateBlocks(blocks);
  if (text.includes('-----BEGIN ')) throw new X509Error('parse_error', 'a PEM block is not closed by its -----END ...----- line; was the text cut off?');
  const bare = decodeBareBase64(text);
  if (bare) return derCertificates(bare);
  throw new X509Error('parse_error', 'the input is not a certificate: expected PEM text starting with -----BEGIN CERTIFICATE----- or DER data');
}

export function certificateDers(input: string | BinaryInput): Uint8Array[] {
  if (typeof input === 'string') return textCertificates(input);
  const bytes = toBytes(input);
  if (bytes.length === 0) throw new X509Error('empty_input', 'no certificate was given (the input is empty)');
  const text = binaryAsPemText(bytes);
  return text !== undefined ? textCertificates(text) : derCertificates(bytes);
}

export function singleDer(ders: Uint8Array[]): Uint8Array {
  if (ders.length !== 1) {
    throw new X509Error(
      'not_a_certificate',
      `expected a single certificate but the input holds ${ders.length}; send the leaf certificate alone (a chain belongs in a bundle)`,
    );
  }
  return ders[0];
}

export function singleCertificateDer(pem: string): Uint8Array {
  return singleDer(certificateDers(pem));
}
