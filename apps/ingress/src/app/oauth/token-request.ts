import type { IncomingHttpHeaders } from 'node:http';
import { readAuthorization } from '@certgate/authz';
import { OAuthGrantType, ROLE_NAME_PATTERN } from '@certgate/contracts';
import { invalidClient, invalidRequest, type OAuthFailure } from './oauth-failure';

export type TokenRequest =
  | { grant: typeof OAuthGrantType.clientCredentials; clientid: string; secret: string; scope?: string[] }
  | { grant: typeof OAuthGrantType.clientX509; clientid?: string; scope?: string[] };

const FORM = 'application/x-www-form-urlencoded';
const PARAMETERS = ['grant_type', 'client_id', 'client_secret', 'scope'] as const;

/**
 * Reads an RFC 6749 token request (§4.4, client credentials; `client_x509` the same
 * with the TLS client certificate as the client's credential, RFC 8705 §2). Every
 * problem is named; nothing is guessed.
 */
export function parseTokenRequest(method: string, headers: IncomingHttpHeaders, body: Buffer): TokenRequest | OAuthFailure {
  if (method !== 'POST') return invalidRequest(`the token endpoint takes POST, not ${method}`, { allow: 'POST' });
  const type = (headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== FORM) return invalidRequest(`send the token request as ${FORM}, not '${type || 'no content type'}'`);
  const form = new URLSearchParams(body.toString('utf8'));
  const params: Partial<Record<(typeof PARAMETERS)[number], string>> = {};
  for (const name of PARAMETERS) {
    const values = form.getAll(name);
    // RFC 6749 §3.2: parameters must not be included more than once.
    if (values.length > 1) return invalidRequest(`parameter '${name}' is given more than once`);
    if (values.length === 1) params[name] = values[0];
  }
  const scope = readScope(params.scope);
  if (scope !== undefined && !Array.isArray(scope)) return scope;
  const grant = params.grant_type;
  if (grant === undefined || grant === '') return invalidRequest('parameter grant_type is missing: use client_credentials or client_x509');
  if (grant === OAuthGrantType.clientCredentials) return clientCredentials(headers, params, scope);
  if (grant === OAuthGrantType.clientX509) return clientX509(headers, params, scope);
  return {
    status: 400,
    error: 'unsupported_grant_type',
    description: `grant_type '${grant.slice(0, 64)}' is not supported: use client_credentials or client_x509`,
    reason: 'unsupported_grant_type',
  };
}

function clientCredentials(headers: IncomingHttpHeaders, params: Partial<Record<string, string>>, scope: string[] | undefined): TokenRequest | OAuthFailure {
  const auth = readAuthorization(headers);
  const inForm = params.client_id !== undefined || params.client_secret !== undefined;
  if (auth.kind !== 'none' && inForm) return invalidRequest('client credentials are sent both in the Authorization header and in the body: use one of them');
  if (auth.kind === 'basic') {
    // RFC 6749 §2.3.1: id and secret are form-encoded before Basic encoding; certgate's never hold '%' or '+', so plain ones read the same.
    const clientid = formDecode(auth.clientid);
    const secret = formDecode(auth.secret);
    if (clientid === undefined || secret === undefined)
      return invalidClient('the Basic credentials are not form-encoded correctly (RFC 6749 §2.3.1)', 'malformed_credential');
    return { grant: 'client_credentials', clientid, secret, ...(scope ? { scope } : {}) };
  }
  if (auth.kind !== 'none') {
    return invalidClient(
      auth.kind === 'malformed' ? auth.message : 'a Bearer token does not authenticate a client: send client_id and client_secret',
      'malformed_credential',
    );
  }
  if (!params.client_id || params.client_secret === undefined) {
    return invalidClient('no client credentials: send client_id and client_secret with HTTP Basic or in the form body', 'no_credential');
  }
  return { grant: 'client_credentials', clientid: params.client_id, secret: params.client_secret, ...(scope ? { scope } : {}) };
}

function clientX509(headers: IncomingHttpHeaders, params: Partial<Record<string, string>>, scope: string[] | undefined): TokenRequest | OAuthFailure {
  if (headers.authorization !== undefined || params.client_secret !== undefined) {
    return invalidRequest('grant client_x509 authenticates with the TLS client certificate alone: send no client secret and no Authorization header');
  }
  return { grant: 'client_x509', ...(params.client_id ? { clientid: params.client_id } : {}), ...(scope ? { scope } : {}) };
}

/** RFC 6749 §3.3: space-separated; here role names. */
function readScope(value: string | undefined): string[] | OAuthFailure | undefined {
  if (value === undefined) return undefined;
  const roles = value.split(' ').filter(Boolean);
  const bad = roles.find((r) => !ROLE_NAME_PATTERN.test(r));
  if (bad !== undefined) return { status: 400, error: 'invalid_scope', description: `scope '${bad.slice(0, 64)}' is not a role name`, reason: 'invalid_scope' };
  return roles;
}

function formDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
