import type { paths } from '../../api/schema';

export type Operator = paths['/api/v1/operators']['get']['responses'][200]['content']['application/json'][number];
export type ApiToken = paths['/api/v1/operators/{name}/tokens']['get']['responses'][200]['content']['application/json'][number];
export type CreatedToken = paths['/api/v1/operators/{name}/tokens']['post']['responses'][201]['content']['application/json'];

export const OPERATORS = ['get', '/api/v1/operators'] as const;
export const TOKENS = ['get', '/api/v1/operators/{name}/tokens'] as const;

/** Where a token stands now: revoked (when), expired, or active. */
export function tokenState(t: ApiToken, now = Date.now()): 'revoked' | 'expired' | 'active' {
  if (t.revokedAt) return 'revoked';
  return Date.parse(t.expiresAt) <= now ? 'expired' : 'active';
}
