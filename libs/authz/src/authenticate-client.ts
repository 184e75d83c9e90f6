import { CREDENTIAL_CHECKS } from './decide';
import type { AuthzInput, Credential, Decision, Principal, SystemKeyState } from './types';

/** The credentials a client may authenticate with at the token endpoint (never a token). */
export type ClientCredential = Extract<Credential, { kind: 'none' | 'malformed' | 'certificate' | 'certificate-rejected' | 'basic' }>;

export type ClientAuthentication = { ok: true; principal: Principal } | { ok: false; denial: Extract<Decision, { allow: false }> };

/*
 * The credential checks see no flow here: a role channel stands in, which makes
 * `certificateKnown` ask for a key of a client_x509 instance, exactly what the
 * client_x509 grant needs. Standard mode: tokens are issued to service keys only.
 */
const NO_CHANNEL: Pick<AuthzInput, 'authorization' | 'certificateMatchers' | 'mode'> = {
  authorization: { type: 'role', role: '-' },
  certificateMatchers: [],
  mode: 'standard',
};

/**
 * Client authentication at `POST /oauth/token` (design §4), with the same checks and
 * the same reasons as a flow call: a certificate of a client_x509 key (and the system
 * key pair present), or the id and secret of a client_credentials key.
 */
export function authenticateClient(credential: ClientCredential, systemKey: SystemKeyState): ClientAuthentication {
  const input: AuthzInput = { ...NO_CHANNEL, credential, systemKey };
  for (const check of CREDENTIAL_CHECKS) {
    const denial = check(input);
    if (denial) return { ok: false, denial };
  }
  const principal = credential.kind === 'certificate' || credential.kind === 'basic' ? credential.principal : undefined;
  if (!principal) {
    // Unreachable by construction of the checks; kept so that a change to them cannot fail open.
    return {
      ok: false,
      denial: { allow: false, status: 401, error: 'invalid_client', reason: 'no_credential', description: 'no client could be authenticated' },
    };
  }
  return { ok: true, principal };
}
