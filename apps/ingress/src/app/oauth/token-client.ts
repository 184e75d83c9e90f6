import { authenticateClient, secretMatches, type ClientCredential, type ClientEntry, type Principal, type SystemKeyState } from '@certgate/authz';
import type { TlsClient } from '@certgate/contracts';
import { invalidClient, type OAuthFailure } from './oauth-failure';
import type { TokenRequest } from './token-request';

/** The service keys, by certificate fingerprint and by client id (standard mode: tokens are for service keys). */
export interface ClientLookup {
  byFingerprint(fingerprint: string): Principal | undefined;
  byClientId(clientid: string): ClientEntry | undefined;
}

/** Who gets the token, the roles it carries, and the certificate it is bound to (base64url SHA-256), if any. */
export interface TokenGrant {
  client: Principal;
  scope: string[];
  boundFingerprint?: string;
}

/** The credential a token request authenticates with: its client secret, or the verified TLS client certificate. */
export function clientCredential(request: TokenRequest, tls: TlsClient, lookup: ClientLookup): ClientCredential {
  if (request.grant === 'client_credentials') {
    const entry = lookup.byClientId(request.clientid);
    // Hashed even for an unknown client id, so the answer time does not tell which ids exist.
    const matches = secretMatches(request.secret, entry?.secretHash);
    return { kind: 'basic', clientid: request.clientid, principal: entry?.principal, secretMatches: entry !== undefined && matches };
  }
  switch (tls.status) {
    case 'verified':
      return {
        kind: 'certificate',
        fingerprint: tls.fingerprint,
        subjectDN: tls.subjectDN,
        issuerDN: tls.issuerDN,
        principal: lookup.byFingerprint(tls.fingerprint),
      };
    case 'rejected':
      return { kind: 'certificate-rejected', reason: tls.reason, message: tls.message };
    case 'none':
      return { kind: 'malformed', message: 'grant client_x509 needs a client certificate, sent over mutual TLS and verified by the ingress; none was sent' };
  }
}

/**
 * Authenticates the client with the checks and reasons of a flow call (libs/authz),
 * then settles the scope: all the client's roles, or the subset it asked for.
 */
export function grantToken(request: TokenRequest, tls: TlsClient, lookup: ClientLookup, systemKey: SystemKeyState): TokenGrant | OAuthFailure {
  const auth = authenticateClient(clientCredential(request, tls, lookup), systemKey);
  if (!auth.ok) return invalidClient(auth.denial.description, auth.denial.reason);
  const client = auth.principal;
  if (request.grant === 'client_x509' && request.clientid !== undefined && request.clientid !== client.name) {
    return invalidClient(`client_id '${request.clientid.slice(0, 128)}' is not the client of the certificate presented`, 'client_id_mismatch');
  }
  const missing = (request.scope ?? []).filter((role) => !client.roles.has(role));
  if (missing.length) {
    return {
      status: 400,
      error: 'invalid_scope',
      description: `client '${client.name}' does not have role ${missing.map((r) => `'${r}'`).join(', ')}`,
      reason: 'invalid_scope',
    };
  }
  return {
    client,
    scope: request.scope ?? [...client.roles],
    ...(request.grant === 'client_x509' && tls.status === 'verified' ? { boundFingerprint: tls.fingerprint } : {}),
  };
}
