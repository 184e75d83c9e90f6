import { z } from 'zod';

/**
 * Stable error codes shared by every service: one code per kind of failure, so a
 * program can tell them apart without reading the message. A code says what went
 * wrong to a program; the message next to it says it to a person and never carries
 * secrets; `details` names the field (`details.field`, a dotted path such as
 * `parameters.roles[1]`) or the object (`details.instance`, `details.alias`, ...).
 * Every code, its status and its details are listed in docs/errors.md.
 */
export const ErrorCode = {
  // 400: the request cannot be taken as it is.
  validationFailed: 'validation_failed',
  invalidJson: 'invalid_json',
  bodyMissing: 'body_missing',
  unknownParameter: 'unknown_parameter',
  certificateInvalid: 'certificate_invalid',
  certificateIsCa: 'certificate_is_ca',
  certificateIsChain: 'certificate_is_chain',
  certificateExpired: 'certificate_expired',
  certificateNotYetValid: 'certificate_not_yet_valid',
  certificateWrongUsage: 'certificate_wrong_usage',
  roleUnknown: 'role_unknown',
  keyAliasUnknown: 'key_alias_unknown',
  certificateUnknown: 'certificate_unknown',
  grantTypeInvalid: 'grant_type_invalid',
  flowIdMismatch: 'flow_id_mismatch',
  keyMismatch: 'key_mismatch',
  subjectDnInvalid: 'subject_dn_invalid',
  publicKeyInvalid: 'public_key_invalid',
  pkcs12Invalid: 'pkcs12_invalid',
  pkcs12LegacyAlgorithm: 'pkcs12_legacy_algorithm',
  pkcs12NoPrivateKey: 'pkcs12_no_private_key',
  // 400: the chain-failure reasons of libs/x509 (`expired`/`not_yet_valid` are certificate_expired/_not_yet_valid).
  chainIncomplete: 'chain_incomplete',
  untrustedRoot: 'untrusted_root',
  badSignature: 'bad_signature',
  notACa: 'not_a_ca',
  pathTooLong: 'path_too_long',
  wrongKeyUsage: 'wrong_key_usage',
  wrongEku: 'wrong_eku',
  selfSignedLeaf: 'self_signed_leaf',
  invalidAnchor: 'invalid_anchor',
  chainInvalid: 'chain_invalid',
  weakKey: 'weak_key',
  leafIsCa: 'leaf_is_ca',
  nameConstraints: 'name_constraints',
  profileViolation: 'profile_violation',
  // 401, 403: credentials.
  unauthorized: 'unauthorized',
  invalidClient: 'invalid_client',
  forbidden: 'forbidden',
  // 404: no such route, or no such object.
  notFound: 'not_found',
  roleNotFound: 'role_not_found',
  instanceNotFound: 'instance_not_found',
  keyNotFound: 'key_not_found',
  flowNotFound: 'flow_not_found',
  entryNotFound: 'entry_not_found',
  renewalNotFound: 'renewal_not_found',
  mappingNotFound: 'mapping_not_found',
  userNotFound: 'user_not_found',
  groupNotFound: 'group_not_found',
  subscriptionNotFound: 'subscription_not_found',
  trustedRootNotFound: 'trusted_root_not_found',
  hostNotFound: 'host_not_found',
  operatorNotFound: 'operator_not_found',
  tokenNotFound: 'token_not_found',
  // 409: the request clashes with what is stored.
  certificateInUse: 'certificate_in_use',
  roleInUse: 'role_in_use',
  rolePredefined: 'role_predefined',
  roleExists: 'role_exists',
  instanceExists: 'instance_exists',
  grantTypeImmutable: 'grant_type_immutable',
  keyExists: 'key_exists',
  aliasTaken: 'alias_taken',
  addressInUse: 'address_in_use',
  systemKeyProtected: 'system_key_protected',
  clientCaProtected: 'client_ca_protected',
  notAKeyPair: 'not_a_key_pair',
  renewalPending: 'renewal_pending',
  mappingExists: 'mapping_exists',
  userExists: 'user_exists',
  userInUse: 'user_in_use',
  groupExists: 'group_exists',
  operatorExists: 'operator_exists',
  trustedRootNotManaged: 'trusted_root_not_managed',
  concurrentChange: 'concurrent_change',
  // The HTTP request itself: a method the path does not take, a body that is not JSON or too large.
  methodNotAllowed: 'method_not_allowed',
  unsupportedMediaType: 'unsupported_media_type',
  // Size, availability, the unexpected.
  payloadTooLarge: 'payload_too_large',
  serviceUnavailable: 'service_unavailable',
  /** The audit trail cannot be written, so the change was refused (fail closed). */
  auditUnavailable: 'audit_unavailable',
  timeout: 'timeout',
  /** A host the operator asked certgate to reach (connectivity test) did not answer or refused. */
  unreachable: 'unreachable',
  internal: 'internal_error',
  /**
   * Generic codes certgate no longer produces for a failure that has its own code: kept
   * so that a reply of an older replica still parses during a rolling upgrade, and for
   * a malformed HTTP request the framework refuses (`bad_request`).
   */
  badRequest: 'bad_request',
  conflict: 'conflict',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  body_missing: 400,
  unknown_parameter: 400,
  certificate_invalid: 400,
  certificate_is_ca: 400,
  certificate_is_chain: 400,
  certificate_expired: 400,
  certificate_not_yet_valid: 400,
  certificate_wrong_usage: 400,
  role_unknown: 400,
  key_alias_unknown: 400,
  certificate_unknown: 400,
  grant_type_invalid: 400,
  flow_id_mismatch: 400,
  key_mismatch: 400,
  subject_dn_invalid: 400,
  public_key_invalid: 400,
  pkcs12_invalid: 400,
  pkcs12_legacy_algorithm: 400,
  pkcs12_no_private_key: 400,
  chain_incomplete: 400,
  untrusted_root: 400,
  bad_signature: 400,
  not_a_ca: 400,
  path_too_long: 400,
  wrong_key_usage: 400,
  wrong_eku: 400,
  self_signed_leaf: 400,
  invalid_anchor: 400,
  chain_invalid: 400,
  weak_key: 400,
  leaf_is_ca: 400,
  name_constraints: 400,
  profile_violation: 400,
  unauthorized: 401,
  invalid_client: 401,
  forbidden: 403,
  not_found: 404,
  role_not_found: 404,
  instance_not_found: 404,
  key_not_found: 404,
  flow_not_found: 404,
  entry_not_found: 404,
  renewal_not_found: 404,
  mapping_not_found: 404,
  user_not_found: 404,
  group_not_found: 404,
  subscription_not_found: 404,
  trusted_root_not_found: 404,
  host_not_found: 404,
  operator_not_found: 404,
  token_not_found: 404,
  certificate_in_use: 409,
  role_in_use: 409,
  role_predefined: 409,
  role_exists: 409,
  instance_exists: 409,
  grant_type_immutable: 409,
  key_exists: 409,
  alias_taken: 409,
  address_in_use: 409,
  system_key_protected: 409,
  client_ca_protected: 409,
  not_a_key_pair: 409,
  renewal_pending: 409,
  mapping_exists: 409,
  user_exists: 409,
  user_in_use: 409,
  group_exists: 409,
  operator_exists: 409,
  trusted_root_not_managed: 409,
  concurrent_change: 409,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  payload_too_large: 413,
  service_unavailable: 503,
  audit_unavailable: 503,
  timeout: 503,
  unreachable: 502,
  internal_error: 500,
  bad_request: 400,
  conflict: 409,
};

/**
 * The error code of a chain-failure reason of libs/x509 (`ChainFailureReason`, passed
 * as its string so this lib stays free of x509): most reasons are codes of their own;
 * a certificate that expired or is not valid yet is the same failure as for a single
 * certificate; anything unknown is `chain_invalid`.
 */
export function chainFailureCode(reason: string): ErrorCode {
  switch (reason) {
    case 'chain_incomplete':
    case 'untrusted_root':
    case 'bad_signature':
    case 'not_a_ca':
    case 'path_too_long':
    case 'wrong_key_usage':
    case 'wrong_eku':
    case 'self_signed_leaf':
    case 'invalid_anchor':
    case 'weak_key':
    case 'leaf_is_ca':
    case 'name_constraints':
    case 'profile_violation':
      return reason;
    case 'expired':
      return ErrorCode.certificateExpired;
    case 'not_yet_valid':
      return ErrorCode.certificateNotYetValid;
    case 'no_certificate':
      return ErrorCode.certificateInvalid;
    default:
      return ErrorCode.chainInvalid;
  }
}

export const errorBodySchema = z.object({
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A failure that crosses a service boundary: carried over NATS and mapped to HTTP once. */
export class CertgateError extends Error {
  override readonly name = 'CertgateError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get httpStatus(): number {
    return HTTP_STATUS_OF[this.code];
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static fromBody(body: ErrorBody): CertgateError {
    return new CertgateError(body.code, body.message, body.details);
  }
}

/**
 * The text of anything thrown, for logs and messages: an Error's message, a string
 * as it is (NATS and NestJS reject with strings at times), anything else as JSON.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}
