import {
  basicCredentialValid,
  bearerBindingHolds,
  bearerClientKnown,
  bearerTokenValid,
  certificateAuthEnabled,
  certificateKnown,
  certificateVerified,
  channelAllows,
  credentialPresent,
  principalOf,
  type Check,
} from './checks';
import type { AuthzInput, Decision } from './types';

/** The checks that establish who the sender is, before anything about the flow. */
export const CREDENTIAL_CHECKS: readonly Check[] = [
  credentialPresent,
  certificateVerified,
  certificateAuthEnabled,
  certificateKnown,
  basicCredentialValid,
  bearerTokenValid,
  bearerBindingHolds,
  bearerClientKnown,
];

/**
 * The order is the contract: an unknown or unusable credential (401) is reported
 * before a missing permission (403), and nothing is allowed unless every check passed.
 */
export const CHECKS: readonly Check[] = [...CREDENTIAL_CHECKS, channelAllows];

/** Sender-channel authorization (design §4): pure, no I/O, deny unless every check passes. */
export function decide(input: AuthzInput): Decision {
  for (const check of CHECKS) {
    const denial = check(input);
    if (denial) return denial;
  }
  const principal = principalOf(input);
  const credential = input.credential;
  const name = principal?.name ?? (credential.kind === 'certificate' ? credential.subjectDN : undefined);
  if (!name) {
    // Unreachable by construction of the checks; kept so that a future check order change cannot fail open.
    return { allow: false, status: 401, error: 'invalid_client', reason: 'no_credential', description: 'no identity could be established' };
  }
  return { allow: true, principal: name };
}
