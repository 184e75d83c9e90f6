import type { CertificateMatcher, SenderAuthorization } from '@certgate/contracts';

/** Who a request runs as, once a credential was mapped. */
export interface Principal {
  /** Service-key client id, or user name in classic mode. */
  name: string;
  kind: 'service-key' | 'user';
  roles: ReadonlySet<string>;
  /** Grant type of the service key's instance (service keys only). */
  grantType?: 'client_x509' | 'client_credentials';
}

/** What the request presented, as the runtime resolved it from its caches. */
export type Credential =
  | { kind: 'none' }
  | { kind: 'certificate-rejected'; reason: string; message: string }
  | {
      kind: 'certificate';
      fingerprint: string;
      subjectDN: string;
      issuerDN: string;
      /** The principal of the service key (or mapping) holding this exact certificate, if any. */
      principal?: Principal;
    }
  | { kind: 'basic'; clientid: string; principal?: Principal; secretMatches: boolean }
  | {
      kind: 'bearer';
      /** `sub` of the verified token: the client id it was issued to. */
      subject: string;
      /** The client as it stands now, holding the token's scope intersected with its current roles (`tokenPrincipal`); absent once its service key is gone. */
      principal?: Principal;
      /** RFC 8705 `cnf.x5t#S256` of a certificate-bound token (base64url SHA-256 of the certificate's DER). */
      boundThumbprint?: string;
      /** The same thumbprint of the client certificate the ingress verified on this connection, if any. */
      presentedThumbprint?: string;
    }
  /** A Bearer token that failed verification (signature, key, expiry, claims), with the reason found. */
  | { kind: 'bearer-invalid'; reason: TokenProblem; description: string }
  | { kind: 'malformed'; message: string };

export interface SystemKeyState {
  alias: string;
  present: boolean;
  /** Present and within its validity period. */
  valid: boolean;
}

export interface AuthzInput {
  authorization: SenderAuthorization;
  /** Resolved at deployment for `client-certificate` channels. */
  certificateMatchers: readonly CertificateMatcher[];
  credential: Credential;
  systemKey: SystemKeyState;
  mode: 'standard' | 'classic';
  /** Normalized DNs of the request's certificate, for DN matchers (computed by the caller, once). */
  normalizedDNs?: { subject: string; issuer: string; subjectInForwardOrder?: string; issuerInForwardOrder?: string };
}

export type Decision =
  | { allow: true; principal: string }
  | { allow: false; status: 401 | 403; error: 'invalid_client' | 'invalid_token' | 'forbidden'; reason: DenyReason; description: string };

export const DenyReason = {
  noCredential: 'no_credential',
  malformedCredential: 'malformed_credential',
  certificateNotVerified: 'certificate_not_verified',
  certificateAuthDisabled: 'certificate_auth_disabled',
  unknownCertificate: 'unknown_certificate',
  unknownClient: 'unknown_client',
  wrongSecret: 'wrong_secret',
  wrongGrantType: 'wrong_grant_type',
  certificateRequired: 'certificate_required',
  missingRole: 'missing_role',
  certificateNotAllowed: 'certificate_not_allowed',
  tokenMalformed: 'token_malformed',
  tokenExpired: 'token_expired',
  tokenNotYetValid: 'token_not_yet_valid',
  tokenSignatureInvalid: 'token_signature_invalid',
  tokenUnknownKey: 'token_unknown_key',
  tokenClaimsInvalid: 'token_claims_invalid',
  tokenBindingMismatch: 'token_binding_mismatch',
  tokenClientUnknown: 'token_client_unknown',
} as const;
export type DenyReason = (typeof DenyReason)[keyof typeof DenyReason];

/** Why a Bearer token did not verify (RFC 6750 `invalid_token`). */
export type TokenProblem = Extract<
  DenyReason,
  'token_malformed' | 'token_expired' | 'token_not_yet_valid' | 'token_signature_invalid' | 'token_unknown_key' | 'token_claims_invalid'
>;

/** How one identity-bucket change was taken. */
export type ApplyResult = 'applied' | 'ignored' | 'invalid';
