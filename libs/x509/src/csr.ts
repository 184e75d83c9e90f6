// PKCS#10 certificate signing requests (RFC 2986).
import { readCsrSubject } from './certificate-der';
import { encodeDN } from './dn';
import { formatDn } from './dn-string';
import { pemDecodeAll, toArrayBuffer } from './encoding';
import { x509, type CryptoKey, type CryptoKeyPair } from './engine';
import { X509Error } from './errors';
import { generalNames } from './general-names';
import { signingAlgorithmFor } from './keys';

export interface CreateCsrOptions {
  keys: CryptoKeyPair;
  /** RFC 4514, most specific first. */
  subjectDN: string;
  dnsNames?: string[];
  ipAddresses?: string[];
}

export interface ParsedCsr {
  subjectDN: string;
  publicKey: CryptoKey;
  dnsNames: string[];
  ipAddresses: string[];
  pem: string;
}

const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);

/** A CSR in PEM, signed with `keys.privateKey`; names go into a requested subjectAltName extension. */
export async function createCsr(opts: CreateCsrOptions): Promise<string> {
  const names = generalNames(opts);
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: new x509.Name(toArrayBuffer(encodeDN(opts.subjectDN))),
    keys: opts.keys,
    signingAlgorithm: signingAlgorithmFor(opts.keys.privateKey),
    extensions: names.length ? [new x509.SubjectAlternativeNameExtension(names)] : [],
  });
  return csr.toString('pem') + '\n';
}

function csrDer(pem: string): Uint8Array {
  if (pem.trim() === '') throw new X509Error('empty_input', 'no certificate signing request was given (the input is empty)');
  let blocks;
  try {
    blocks = pemDecodeAll(pem);
  } catch (cause) {
    throw new X509Error('csr_invalid', 'the certificate signing request is not valid PEM', { cause });
  }
  const csr = blocks.find((b) => CSR_LABELS.has(b.label));
  if (!csr) {
    const found = blocks.length ? `a '${blocks[0].label}' PEM block` : 'text that is not PEM';
    throw new X509Error('csr_invalid', `expected a certificate signing request (-----BEGIN CERTIFICATE REQUEST-----) but got ${found}`);
  }
  return csr.der;
}

/** Reads a PEM CSR and checks its self-signature (proof the requester holds the private key). */
export async function parseCsr(pem: string): Promise<ParsedCsr> {
  const der = csrDer(pem);
  let csr: x509.Pkcs10CertificateRequest;
  let subjectDN: string;
  let dnsNames: string[];
  let ipAddresses: string[];
  try {
    csr = new x509.Pkcs10CertificateRequest(toArrayBuffer(der));
    subjectDN = formatDn(readCsrSubject(der));
    const san = csr.extensions.find((e): e is x509.SubjectAlternativeNameExtension => e instanceof x509.SubjectAlternativeNameExtension);
    const items = san?.names.items ?? [];
    dnsNames = items.filter((n) => n.type === 'dns').map((n) => n.value);
    ipAddresses = items.filter((n) => n.type === 'ip').map((n) => n.value);
  } catch (cause) {
    throw new X509Error('csr_invalid', 'the certificate signing request cannot be decoded', { cause });
  }
  let signatureOk: boolean;
  try {
    signatureOk = await csr.verify();
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) {
    throw new X509Error(
      'csr_bad_signature',
      `the signature of the certificate signing request for '${subjectDN}' does not verify: it was altered after signing`,
    );
  }
  let publicKey: CryptoKey;
  try {
    publicKey = await csr.publicKey.export();
  } catch (cause) {
    throw new X509Error('unsupported_algorithm', `the key type of the certificate signing request for '${subjectDN}' is not supported`, { cause });
  }
  return { subjectDN, publicKey, dnsNames, ipAddresses, pem: csr.toString('pem') + '\n' };
}
