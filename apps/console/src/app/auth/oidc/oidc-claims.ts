import { OPERATOR_ROLES, type OperatorRole } from '@certgate/contracts';

/** Longest name a session keeps (the operator field of the session record). */
const MAX_NAME = 256;

/**
 * The certgate roles of a roles claim: an array of names or one space-separated string
 * (as providers put group-like claims). Names that are no certgate role are ignored, so
 * one claim can carry the roles of other applications too.
 */
export function rolesOfClaim(value: unknown): OperatorRole[] {
  const names = Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? value.split(/\s+/) : [];
  return OPERATOR_ROLES.filter((role) => names.includes(role));
}

/** Who signed in, as the audit trail and GET /me show it: the name claim, else the subject. */
export function nameOfClaims(claims: Record<string, unknown>, nameClaim: string): string {
  const named = claims[nameClaim];
  const name = typeof named === 'string' && named.trim() ? named.trim() : String(claims.sub ?? '');
  return name.slice(0, MAX_NAME);
}

/** Whether the claims hold what a session needs, or the userinfo endpoint must be asked as well. */
export const claimsComplete = (claims: Record<string, unknown>, rolesClaim: string, nameClaim: string) =>
  claims[rolesClaim] !== undefined && claims[nameClaim] !== undefined;
