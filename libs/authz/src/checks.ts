import { DenyReason, type AuthzInput, type Decision, type Principal } from './types';

type Denial = Extract<Decision, { allow: false }>;
/** One step of the decision: a denial, or undefined to go on. */
export type Check = (input: AuthzInput) => Denial | undefined;

const unauthorized = (reason: DenyReason, description: string): Denial => ({ allow: false, status: 401, error: 'invalid_client', reason, description });
const forbidden = (reason: DenyReason, description: string): Denial => ({ allow: false, status: 403, error: 'forbidden', reason, description });
/** RFC 6750: a Bearer token that cannot be used is `invalid_token`, not `invalid_client`. */
const invalidToken = (reason: DenyReason, description: string): Denial => ({ allow: false, status: 401, error: 'invalid_token', reason, description });

export const credentialPresent: Check = ({ credential }) => {
  if (credential.kind === 'none') return unauthorized(DenyReason.noCredential, 'no client certificate and no credentials were sent');
  if (credential.kind === 'malformed') return unauthorized(DenyReason.malformedCredential, credential.message);
  return undefined;
};

export const certificateVerified: Check = ({ credential }) =>
  credential.kind === 'certificate-rejected'
    ? unauthorized(DenyReason.certificateNotVerified, `certificate was not verified by ingress: ${credential.message}`)
    : undefined;

/** Certificate authentication as a whole needs the tenant system key pair (design §4). */
export const certificateAuthEnabled: Check = ({ credential, systemKey }) => {
  if (credential.kind !== 'certificate' && credential.kind !== 'certificate-rejected') return undefined;
  return systemKeyMissing(systemKey);
};

function systemKeyMissing(systemKey: AuthzInput['systemKey']): Denial | undefined {
  if (!systemKey.present) {
    return unauthorized(
      DenyReason.certificateAuthDisabled,
      `client certificate authentication is not enabled: key pair with alias '${systemKey.alias}' does not exist in the keystore`,
    );
  }
  if (!systemKey.valid) {
    return unauthorized(
      DenyReason.certificateAuthDisabled,
      `client certificate authentication is not enabled: key pair with alias '${systemKey.alias}' has expired`,
    );
  }
  return undefined;
}

export const certificateKnown: Check = ({ credential, mode, authorization }) => {
  if (credential.kind !== 'certificate') return undefined;
  // Classic mode, DN-listed flows need no mapping (design §4); everything else needs one.
  if (mode === 'classic' && authorization.type === 'client-certificate') return undefined;
  if (credential.principal && (mode === 'classic' || credential.principal.grantType === 'client_x509')) return undefined;
  return unauthorized(
    DenyReason.unknownCertificate,
    mode === 'classic'
      ? 'client certificate is not mapped to any user (no certificate-to-user mapping)'
      : 'client certificate is not configured in any service key of a client_x509 service instance',
  );
};

const BAD_CLIENT_CREDENTIALS = 'client id or client secret is wrong';

export const basicCredentialValid: Check = ({ credential }) => {
  if (credential.kind !== 'basic') return undefined;
  // One description for both, so a caller cannot probe which client ids exist; the reason (trace log only) tells them apart.
  if (!credential.principal) return unauthorized(DenyReason.unknownClient, BAD_CLIENT_CREDENTIALS);
  if (!credential.secretMatches) return unauthorized(DenyReason.wrongSecret, BAD_CLIENT_CREDENTIALS);
  if (credential.principal.grantType !== 'client_credentials') {
    return unauthorized(DenyReason.wrongGrantType, `client id '${credential.clientid}' belongs to an instance without grant type client_credentials`);
  }
  return undefined;
};

export const bearerTokenValid: Check = ({ credential }) =>
  credential.kind === 'bearer-invalid' ? invalidToken(credential.reason, credential.description) : undefined;

/**
 * RFC 8705: a certificate-bound token counts only on a connection whose verified client
 * certificate is that very certificate, and, being certificate authentication, only
 * while the tenant system key pair is there (design §4).
 */
export const bearerBindingHolds: Check = ({ credential, systemKey }) => {
  if (credential.kind !== 'bearer' || credential.boundThumbprint === undefined) return undefined;
  if (credential.presentedThumbprint === undefined) {
    return invalidToken(DenyReason.tokenBindingMismatch, 'token is bound to a client certificate, but the request came without a verified client certificate');
  }
  if (credential.presentedThumbprint !== credential.boundThumbprint)
    return invalidToken(DenyReason.tokenBindingMismatch, 'token is bound to another certificate');
  return systemKeyMissing(systemKey);
};

/** A token lives no longer than its client: once the service key it was issued to is deleted, its tokens stop working. */
export const bearerClientKnown: Check = ({ credential }) =>
  credential.kind === 'bearer' && !credential.principal
    ? invalidToken(
        DenyReason.tokenClientUnknown,
        `token was issued to client '${credential.subject}', which no longer exists (its service key or instance was deleted)`,
      )
    : undefined;

export const channelAllows: Check = (input) => {
  const { authorization, credential } = input;
  if (authorization.type === 'role') {
    const principal = principalOf(input);
    if (principal && principal.roles.has(authorization.role)) return undefined;
    return forbidden(DenyReason.missingRole, `${principal ? `'${principal.name}'` : 'the sender'} does not have role '${authorization.role}'`);
  }
  if (credential.kind === 'bearer') return unauthorized(DenyReason.certificateRequired, 'this flow accepts client certificates only, not Bearer tokens');
  if (credential.kind !== 'certificate') return unauthorized(DenyReason.certificateRequired, 'this flow accepts client certificates only; none was sent');
  if (matchesAny(input)) return undefined;
  return forbidden(
    DenyReason.certificateNotAllowed,
    `certificate '${credential.subjectDN}' issued by '${credential.issuerDN}'${inForwardOrder(input)} is not among the flow's allowed certificates`,
  );
};

/** For a flow that lists DNs: the presented DNs as openssl prints them too, since entries are often copied from there. */
function inForwardOrder({ certificateMatchers, normalizedDNs }: AuthzInput): string {
  if (!normalizedDNs?.subjectInForwardOrder || !certificateMatchers.some((m) => 'normalizedSubjectDN' in m)) return '';
  return ` (in the order openssl prints them: subject '${normalizedDNs.subjectInForwardOrder}', issuer '${normalizedDNs.issuerInForwardOrder}')`;
}

function matchesAny({ certificateMatchers, credential, normalizedDNs }: AuthzInput): boolean {
  if (credential.kind !== 'certificate') return false;
  return certificateMatchers.some((m) =>
    'fingerprint' in m
      ? m.fingerprint === credential.fingerprint
      : normalizedDNs !== undefined &&
        (m.normalizedSubjectDN === normalizedDNs.subject || m.normalizedSubjectDNReversed === normalizedDNs.subject) &&
        (m.normalizedIssuerDN === normalizedDNs.issuer || m.normalizedIssuerDNReversed === normalizedDNs.issuer),
  );
}

export function principalOf({ credential }: AuthzInput): Principal | undefined {
  return credential.kind === 'certificate' || credential.kind === 'basic' || credential.kind === 'bearer' ? credential.principal : undefined;
}
