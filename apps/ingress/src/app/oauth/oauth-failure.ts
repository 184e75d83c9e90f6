/** RFC 6749 §5.2 error codes, plus `temporarily_unavailable` / `server_error` (§4.1.2.1) when the endpoint itself cannot answer. */
export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'unsupported_grant_type' | 'invalid_scope' | 'temporarily_unavailable' | 'server_error';

/** A refused token request: what the client gets, and the reason the trace log records. */
export interface OAuthFailure {
  status: number;
  error: OAuthErrorCode;
  description: string;
  /** Trace-log reason (a deny reason, or the error code). */
  reason: string;
  headers?: Record<string, string>;
}

export const invalidRequest = (description: string, headers?: Record<string, string>): OAuthFailure => ({
  status: headers?.allow ? 405 : 400,
  error: 'invalid_request',
  description,
  reason: 'invalid_request',
  ...(headers ? { headers } : {}),
});

/**
 * RFC 6749 §5.2: a client that tried HTTP Basic gets 401 with a Basic challenge; the
 * others 401 as well, the scheme they can use named in the challenge all the same.
 */
export const invalidClient = (description: string, reason: string): OAuthFailure => ({
  status: 401,
  error: 'invalid_client',
  description,
  reason,
  headers: { 'www-authenticate': 'Basic realm="certgate", charset="UTF-8"' },
});

export function isFailure(value: unknown): value is OAuthFailure {
  return typeof (value as OAuthFailure | undefined)?.error === 'string' && typeof (value as OAuthFailure).status === 'number';
}
