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
  normalizedDNs?: { subject: string; issuer: string };
}

export type Decision =
  | { allow: true; principal: string }
  | { allow: false; status: 401 | 403; error: 'invalid_client' | 'forbidden'; reason: DenyReason; description: string };

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
} as const;
export type DenyReason = (typeof DenyReason)[keyof typeof DenyReason];
