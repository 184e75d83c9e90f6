import { DenyReason, type AuthzInput, type Decision, type Principal } from './types';

type Denial = Extract<Decision, { allow: false }>;
/** One step of the decision: a denial, or undefined to go on. */
export type Check = (input: AuthzInput) => Denial | undefined;

const unauthorized = (reason: DenyReason, description: string): Denial => ({ allow: false, status: 401, error: 'invalid_client', reason, description });
const forbidden = (reason: DenyReason, description: string): Denial => ({ allow: false, status: 403, error: 'forbidden', reason, description });

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
  if (!systemKey.present) {
    return unauthorized(
      DenyReason.certificateAuthDisabled,
      `client certificate authentication is not enabled: key pair with alias '${systemKey.alias}' does not exist in the keystore`,
    );
  }
  if (!systemKey.valid) {
    return unauthorized(DenyReason.certificateAuthDisabled, `client certificate authentication is not enabled: key pair with alias '${systemKey.alias}' has expired`);
  }
  return undefined;
};

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

export const channelAllows: Check = (input) => {
  const { authorization, credential } = input;
  if (authorization.type === 'role') {
    const principal = principalOf(input);
    if (principal && principal.roles.has(authorization.role)) return undefined;
    return forbidden(DenyReason.missingRole, `${principal ? `'${principal.name}'` : 'the sender'} does not have role '${authorization.role}'`);
  }
  if (credential.kind !== 'certificate') return unauthorized(DenyReason.certificateRequired, 'this flow accepts client certificates only; none was sent');
  if (matchesAny(input)) return undefined;
  return forbidden(DenyReason.certificateNotAllowed, `certificate '${credential.subjectDN}' issued by '${credential.issuerDN}' is not among the flow's allowed certificates`);
};

function matchesAny({ certificateMatchers, credential, normalizedDNs }: AuthzInput): boolean {
  if (credential.kind !== 'certificate') return false;
  return certificateMatchers.some((m) =>
    'fingerprint' in m
      ? m.fingerprint === credential.fingerprint
      : normalizedDNs !== undefined && m.normalizedSubjectDN === normalizedDNs.subject && m.normalizedIssuerDN === normalizedDNs.issuer,
  );
}

export function principalOf({ credential }: AuthzInput): Principal | undefined {
  return credential.kind === 'certificate' || credential.kind === 'basic' ? credential.principal : undefined;
}
