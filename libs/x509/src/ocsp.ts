// OCSP (RFC 6960) for one certificate: the request to send, and the verdict on the
// response. ASN.1 by @peculiar/asn1-ocsp; what is checked is certgate's own (below).
import { X509Certificate, createHash, createPublicKey, randomBytes, verify } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, Extension, SubjectPublicKeyInfo, Certificate as AsnCertificate } from '@peculiar/asn1-x509';
import {
  BasicOCSPResponse,
  CertID,
  OCSPRequest,
  OCSPResponse,
  OCSPResponseStatus,
  Request,
  TBSRequest,
  id_kp_OCSPSigning,
  id_pkix_ocsp_basic,
  id_pkix_ocsp_nonce,
} from '@peculiar/asn1-ocsp';
import { x509 } from './engine';
import { Certificate } from './certificate';
import { certName } from './chain-names';
import { bytesEqual, toArrayBuffer } from './encoding';
import { ekuName } from './oids';

const SHA1 = '1.3.14.3.2.26';
/** A response without nextUpdate ("newer information is always available") is taken this long after its thisUpdate. */
const MAX_AGE_WITHOUT_NEXT_UPDATE_MS = 60 * 60_000;
/** Clocks of responders and ingress replicas differ a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Node's digest for the signature algorithms responders use; null: the key type decides (Ed25519). */
const SIGNATURE_DIGESTS: Record<string, string | null> = {
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.3.101.112': null,
};

export type OcspStatus =
  { status: 'good'; nextUpdate?: Date } | { status: 'revoked'; at: Date; reason?: string; nextUpdate?: Date } | { status: 'unknown'; problem: string };

/** The certificate's OCSP responder URLs (authority information access), http only, as RFC 6960 uses. */
export function ocspResponderUrls(cert: Certificate): string[] {
  const aia = cert.toX509().getExtension(x509.AuthorityInfoAccessExtension);
  return (aia?.ocsp ?? []).filter((n) => n.type === 'url' && /^https?:\/\//i.test(n.value)).map((n) => n.value);
}

function certIdOf(cert: Certificate, issuer: Certificate): CertID {
  const spki = AsnConvert.parse(issuer.spkiDer, SubjectPublicKeyInfo);
  const sha1 = (data: Uint8Array | ArrayBuffer) => new OctetString(createHash('sha1').update(new Uint8Array(data)).digest());
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: SHA1, parameters: null }),
    issuerNameHash: sha1(issuer.subjectNameDer),
    issuerKeyHash: sha1(spki.subjectPublicKey),
    serialNumber: toArrayBuffer(cert.serialBytes),
  });
}

/** A fresh nonce for one OCSP request: 16 random bytes, within RFC 8954's 1..32. */
export function ocspNonce(): Uint8Array {
  return new Uint8Array(randomBytes(16));
}

/**
 * The DER of an OCSP request for `cert`, issued by `issuer` (SHA-1 CertID, as every
 * responder answers). With a `nonce` (RFC 8954), a responder that supports nonces must
 * echo it, which `ocspVerdict` then checks: an answer recorded earlier cannot be replayed.
 */
export function ocspRequest(cert: Certificate, issuer: Certificate, nonce?: Uint8Array): Uint8Array {
  const tbsRequest = new TBSRequest({
    requestList: [new Request({ reqCert: certIdOf(cert, issuer) })],
    ...(nonce && { requestExtensions: [nonceExtension(nonce)] }),
  });
  return new Uint8Array(AsnConvert.serialize(new OCSPRequest({ tbsRequest })));
}

function nonceExtension(nonce: Uint8Array): Extension {
  // RFC 8954 §2.1: the extension's value is the DER of an OCTET STRING holding the nonce.
  return new Extension({ extnID: id_pkix_ocsp_nonce, critical: false, extnValue: new OctetString(AsnConvert.serialize(new OctetString(nonce))) });
}

function responseNonce(basic: BasicOCSPResponse): Uint8Array | undefined {
  const ext = basic.tbsResponseData.responseExtensions?.find((e) => e.extnID === id_pkix_ocsp_nonce);
  if (!ext) return undefined;
  try {
    return new Uint8Array(AsnConvert.parse(ext.extnValue.buffer, OctetString).buffer);
  } catch {
    return new Uint8Array(ext.extnValue.buffer);
  }
}

export interface OcspVerdictOptions {
  at?: Date;
  /** The nonce sent with the request. An answer carrying another nonce is refused; one carrying none is accepted (pre-produced answers, RFC 8954 §3). */
  nonce?: Uint8Array;
}

/**
 * The verdict of an OCSP response on `cert`: the response must be successful and basic,
 * signed by the issuer itself or by a responder certificate the issuer issued for
 * OCSPSigning, hold a SingleResponse for exactly this certificate, and be current
 * (thisUpdate not in the future, nextUpdate not past; without a nextUpdate at most an hour
 * old), and echo the request's nonce if it carries one. Anything else is `unknown`, with
 * the reason.
 */
export function ocspVerdict(responseDer: Uint8Array, cert: Certificate, issuer: Certificate, options: OcspVerdictOptions = {}): OcspStatus {
  const at = options.at ?? new Date();
  const unknown = (problem: string): OcspStatus => ({ status: 'unknown', problem: `the OCSP answer for ${certName(cert)} ${problem}` });
  let basic: BasicOCSPResponse;
  try {
    const response = AsnConvert.parse(responseDer, OCSPResponse);
    if (response.responseStatus !== OCSPResponseStatus.successful) return unknown(`is '${OCSPResponseStatus[response.responseStatus]}', not successful`);
    if (response.responseBytes?.responseType !== id_pkix_ocsp_basic) return unknown('is not a basic OCSP response');
    basic = AsnConvert.parse(response.responseBytes.response.buffer, BasicOCSPResponse);
  } catch {
    return unknown('cannot be read (not a DER OCSP response)');
  }
  const signer = signerOf(basic, issuer);
  if (typeof signer === 'string') return unknown(signer);
  if (!signatureVerifies(basic, signer)) return unknown('has a signature that does not verify');
  const nonce = responseNonce(basic);
  if (nonce && options.nonce && !bytesEqual(nonce, options.nonce)) return unknown("carries a nonce other than the request's (a replayed answer)");

  const wanted = certIdOf(cert, issuer);
  const single = basic.tbsResponseData.responses.find((r) => sameCertId(r.certID, wanted));
  if (!single) return unknown('does not speak of this certificate');
  const t = at.getTime();
  if (single.thisUpdate.getTime() > t + CLOCK_SKEW_MS) return unknown(`is for ${single.thisUpdate.toISOString()}, still to come`);
  const nextUpdate = single.nextUpdate;
  if (nextUpdate ? nextUpdate.getTime() <= t - CLOCK_SKEW_MS : single.thisUpdate.getTime() < t - MAX_AGE_WITHOUT_NEXT_UPDATE_MS) {
    return unknown(`is stale (thisUpdate ${single.thisUpdate.toISOString()}${nextUpdate ? `, nextUpdate ${nextUpdate.toISOString()}` : ''})`);
  }
  const status = single.certStatus;
  if (status.revoked) {
    const reason = status.revoked.revocationReason;
    return {
      status: 'revoked',
      at: status.revoked.revocationTime,
      ...(reason !== undefined && { reason: x509.X509CrlReason[reason.reason] }),
      ...(nextUpdate && { nextUpdate }),
    };
  }
  if (status.good !== undefined) return { status: 'good', ...(nextUpdate && { nextUpdate }) };
  return unknown("says 'unknown': the responder does not know this certificate");
}

function sameCertId(a: CertID, b: CertID): boolean {
  return (
    a.hashAlgorithm.algorithm === b.hashAlgorithm.algorithm &&
    bytesEqual(new Uint8Array(a.issuerNameHash.buffer), new Uint8Array(b.issuerNameHash.buffer)) &&
    bytesEqual(new Uint8Array(a.issuerKeyHash.buffer), new Uint8Array(b.issuerKeyHash.buffer)) &&
    bytesEqual(stripSign(new Uint8Array(a.serialNumber)), stripSign(new Uint8Array(b.serialNumber)))
  );
}

function stripSign(serial: Uint8Array): Uint8Array {
  let i = 0;
  while (i < serial.length - 1 && serial[i] === 0) i++;
  return serial.subarray(i);
}

/** The issuer, or a responder certificate it issued for OCSPSigning (RFC 6960 §4.2.2.2); else why not. */
function signerOf(basic: BasicOCSPResponse, issuer: Certificate): Certificate | string {
  const id = basic.tbsResponseData.responderID;
  const keyHash = (c: Certificate) =>
    createHash('sha1')
      .update(new Uint8Array(AsnConvert.parse(c.spkiDer, SubjectPublicKeyInfo).subjectPublicKey))
      .digest();
  const names = (c: Certificate) =>
    id.byKey
      ? bytesEqual(new Uint8Array(id.byKey.buffer), keyHash(c))
      : !!id.byName && bytesEqual(new Uint8Array(AsnConvert.serialize(id.byName)), c.subjectNameDer);
  if (names(issuer)) return issuer;
  for (const asn of basic.certs ?? []) {
    let responder: Certificate;
    try {
      responder = Certificate.fromDer(new Uint8Array(AsnConvert.serialize(asn as AsnCertificate)));
    } catch {
      continue;
    }
    if (!names(responder)) continue;
    if (responder.normalizedIssuer !== issuer.normalizedSubject || !signedBy(responder, issuer)) {
      return `is signed by ${certName(responder)}, which ${certName(issuer)} did not issue`;
    }
    if (!responder.extendedKeyUsage?.includes(ekuName(id_kp_OCSPSigning)))
      return `is signed by ${certName(responder)}, which is not an OCSP responder certificate (no OCSPSigning EKU)`;
    if (!responder.isValidAt(new Date())) return `is signed by ${certName(responder)}, which is not valid now`;
    return responder;
  }
  return `is not signed by ${certName(issuer)} or a responder it delegated to`;
}

/** Synchronous on purpose: the verdict is a pure function of bytes, and a responder certificate is checked once per answer. */
function signedBy(cert: Certificate, issuer: Certificate): boolean {
  try {
    return new X509Certificate(cert.der).verify(createPublicKey({ key: Buffer.from(issuer.spkiDer), format: 'der', type: 'spki' }));
  } catch {
    return false;
  }
}

function signatureVerifies(basic: BasicOCSPResponse, signer: Certificate): boolean {
  const digest = SIGNATURE_DIGESTS[basic.signatureAlgorithm.algorithm];
  if (digest === undefined) return false;
  try {
    const key = createPublicKey({ key: Buffer.from(signer.spkiDer), format: 'der', type: 'spki' });
    const signed = basic.tbsResponseDataRaw ?? AsnConvert.serialize(basic.tbsResponseData);
    return verify(digest, new Uint8Array(signed), key, new Uint8Array(basic.signature));
  } catch {
    return false;
  }
}
