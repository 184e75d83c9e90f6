import { errors } from 'openid-client';

/**
 * A sentence for the sign-in page about a failed exchange with the identity provider:
 * the provider's error code and description, or the check that failed — never a stack,
 * and never the values openid-client puts after the check's name (states, nonces, times).
 */
export function describeOidcFailure(err: unknown, issuer: string): string {
  if (err instanceof errors.OPError) {
    const description = err.error_description ? `: ${err.error_description}` : '';
    return `the identity provider refused the sign-in (${err.error}${description})`;
  }
  if (err instanceof errors.RPError) return `the identity provider's answer failed a check: ${checkName(err.message)}`;
  const code = (err as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return `the identity provider at ${issuer} could not be reached (${code})`;
  if ((err as { name?: unknown } | undefined)?.name === 'TimeoutError') return `the identity provider at ${issuer} did not answer in time`;
  return `single sign-on with ${issuer} failed`;
}

/** `nonce mismatch, expected …, got: …` → `nonce mismatch`. */
function checkName(message: string): string {
  return message.split(/,|\n/)[0].trim().slice(0, 200);
}
