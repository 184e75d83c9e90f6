// Turns whatever a user pasted or uploaded into certificate DERs, refusing
// loudly what is clearly something else (a private key above all).
import * as asn1js from 'asn1js';
import { x509 } from './engine';
import { binaryAsPemText, copyBytes, decodeBareBase64, pemDecodeAll, toArrayBuffer, toBytes, type BinaryInput, type PemBlock } from './encoding';
import { X509Error } from './errors';
import { UNIVERSAL, encoded, isUniversal, membersOf, readDer, readDerPrefix, type DerNode } from './strict-der';

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'CMS']);
const PKCS7_SIGNED_DATA = '1.2.840.113549.1.7.2';

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

/** ContentInfo ::= SEQUENCE { contentType OBJECT IDENTIFIER, ... } */
function isPkcs7SignedData(first: DerNode): boolean {
  const [type] = first instanceof asn1js.Constructed ? first.valueBlock.value : [];
  return type instanceof asn1js.ObjectIdentifier && type.valueBlock.toString() === PKCS7_SIGNED_DATA;
}

/** Certificates as raw DER: one, several concatenated (some tools do that), or a PKCS#7 bundle. */
function derCertificates(bytes: Uint8Array): Uint8Array[] {
  let first;
  try {
    first = readDerPrefix(bytes);
  } catch (cause) {
    throw new X509Error('parse_error', 'the input is neither PEM text nor DER-encoded certificate data', { cause });
  }
  if (!isUniversal(first, UNIVERSAL.sequence, true)) throw new X509Error('parse_error', 'the input is neither PEM text nor DER-encoded certificate data');
  if (isPkcs7SignedData(first)) return pkcs7Certificates(bytes);
  if (looksLikePrivateKey(bytes)) throw privateKeyError();
  const ders: Uint8Array[] = [];
  for (let offset = 0; offset < bytes.length;) {
    let der;
    try {
      der = encoded(readDerPrefix(bytes.subarray(offset)));
    } catch (cause) {
      throw new X509Error('parse_error', `the DER data is damaged after ${ders.length} certificate(s)`, { cause });
    }
    ders.push(copyBytes(der));
    offset += der.length;
  }
  return ders;
}

/** PKCS#8 and PKCS#1/SEC1 keys start SEQUENCE { INTEGER version, ... }; certificates with SEQUENCE { SEQUENCE ... }. */
function looksLikePrivateKey(bytes: Uint8Array): boolean {
  try {
    const [version] = membersOf(readDer(bytes), UNIVERSAL.sequence, 'a SEQUENCE');
    return isUniversal(version, UNIVERSAL.integer);
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
