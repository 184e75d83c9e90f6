// Why a certificate chain is refused: stable codes (they travel in APIs, logs
// and alerts), a sentence for each, and the mapping from the error codes
// Node's TLS layer reports (`socket.authorizationError`, OpenSSL's
// X509_V_ERR_* names without the prefix).
import type { Certificate } from './certificate';

export const ChainFailureReason = {
  chainIncomplete: 'chain_incomplete',
  untrustedRoot: 'untrusted_root',
  expired: 'expired',
  notYetValid: 'not_yet_valid',
  badSignature: 'bad_signature',
  notACa: 'not_a_ca',
  pathTooLong: 'path_too_long',
  wrongKeyUsage: 'wrong_key_usage',
  wrongEku: 'wrong_eku',
  selfSignedLeaf: 'self_signed_leaf',
  noCertificate: 'no_certificate',
  invalidAnchor: 'invalid_anchor',
  weakKey: 'weak_key',
  leafIsCa: 'leaf_is_ca',
  nameConstraints: 'name_constraints',
  profileViolation: 'profile_violation',
  revoked: 'revoked',
  revocationUnknown: 'revocation_unknown',
  unknown: 'unknown',
} as const;
export type ChainFailureReason = (typeof ChainFailureReason)[keyof typeof ChainFailureReason];

export type Purpose = 'clientAuth' | 'serverAuth';

export type ChainVerdict = { ok: true; chain: Certificate[] } | { ok: false; reason: ChainFailureReason; message: string; certificate?: Certificate };

const DESCRIPTIONS: Record<ChainFailureReason, string> = {
  chain_incomplete: 'the certificate chain is incomplete: an issuing CA certificate is missing; send the whole chain, leaf first',
  untrusted_root: 'the certificate chain ends in a root CA that is not trusted',
  expired: 'a certificate in the chain has expired',
  not_yet_valid: 'a certificate in the chain is not valid yet',
  bad_signature: 'a certificate signature does not verify: the certificate was altered or not issued by the CA it names',
  not_a_ca: 'a certificate in the chain issued another certificate but is not a CA certificate (basicConstraints cA is not set)',
  path_too_long: "the chain has more intermediate CAs than a CA's path length constraint, or certgate's limit on chain length, allows",
  wrong_key_usage: 'a certificate in the chain has a key usage that does not allow this use',
  wrong_eku: 'the certificate is not allowed for this purpose (extended key usage)',
  self_signed_leaf: 'the certificate is self-signed; it must be issued by a trusted CA',
  no_certificate: 'no client certificate was sent',
  invalid_anchor: 'a configured trusted root is not a self-signed CA certificate',
  weak_key: "a certificate in the chain has a public key that certgate's key policy does not allow (too short, a weak curve, or DSA)",
  leaf_is_ca: 'the certificate is a CA certificate (cA=true or keyCertSign), not an end-entity certificate',
  name_constraints: "a name in the chain is outside a CA's name constraints, or a CA's name constraints are invalid",
  profile_violation: 'a certificate in the chain breaks the X.509 profile certgate requires (version, serial number, key identifiers or extension criticality)',
  revoked: 'a certificate in the chain has been revoked by its CA (it is listed in a current CRL)',
  revocation_unknown:
    "whether a certificate in the chain is revoked cannot be known (no current CRL of its CA), and its root's revocation policy is fail-closed",
  unknown: 'the certificate chain could not be verified',
};

export function describeReason(reason: ChainFailureReason): string {
  return DESCRIPTIONS[reason] ?? DESCRIPTIONS.unknown;
}

const TLS_ERRORS: Record<string, ChainFailureReason> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'chain_incomplete',
  UNABLE_TO_GET_ISSUER_CERT: 'chain_incomplete',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'chain_incomplete',
  SELF_SIGNED_CERT_IN_CHAIN: 'untrusted_root',
  CERT_UNTRUSTED: 'untrusted_root',
  CERT_REJECTED: 'untrusted_root',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self_signed_leaf',
  CERT_HAS_EXPIRED: 'expired',
  CERT_NOT_YET_VALID: 'not_yet_valid',
  CERT_SIGNATURE_FAILURE: 'bad_signature',
  UNABLE_TO_DECRYPT_CERT_SIGNATURE: 'bad_signature',
  INVALID_CA: 'not_a_ca',
  // Measured: OpenSSL reports an issuer that is not a CA as UNSPECIFIED in Node's handshake.
  UNSPECIFIED: 'not_a_ca',
  PATH_LENGTH_EXCEEDED: 'path_too_long',
  CERT_CHAIN_TOO_LONG: 'path_too_long',
  INVALID_PURPOSE: 'wrong_eku',
  KEYUSAGE_NO_CERTSIGN: 'wrong_key_usage',
  CERT_REVOKED: 'revoked',
  UNABLE_TO_GET_CRL: 'revocation_unknown',
  CRL_HAS_EXPIRED: 'revocation_unknown',
  CRL_NOT_YET_VALID: 'revocation_unknown',
};

/** Reason code for Node's `socket.authorizationError`; null/undefined/'' means no certificate was sent. */
export function reasonFromTlsError(code: string | undefined | null): ChainFailureReason {
  if (code === undefined || code === null || code.trim() === '') return 'no_certificate';
  const key = code
    .trim()
    .toUpperCase()
    .replace(/^X509_V_ERR_/, '');
  return TLS_ERRORS[key] ?? 'unknown';
}
