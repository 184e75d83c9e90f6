import { decide, readAuthorization, type AuthzInput, type Credential } from '@certgate/authz';
import type { TlsClient } from '@certgate/contracts';
import type { DataPlaneError } from '../common/data-plane-responses';

/**
 * Any deployed flow. The credentials below are refused by the first checks of the
 * decision, before anything about the flow is read, so every flow answers them alike;
 * unauthenticated.spec.ts holds that for every kind of channel, mode and system key.
 */
const ANY_FLOW: Omit<AuthzInput, 'credential'> = {
  authorization: { type: 'role', role: 'any' },
  certificateMatchers: [],
  systemKey: { alias: 'any', present: true, valid: true },
  mode: 'standard',
};

/**
 * The credential of a request that cannot authenticate, whatever flow it calls, known
 * from the request alone, as the runtime builds it (`buildCredential`): a certificate
 * the TLS check rejected; or, without a verified certificate, no `Authorization` header
 * at all or a malformed one. Anything else (a verified certificate, Basic credentials, a
 * Bearer token) needs the runtime's directories to judge, so undefined.
 */
export function credentialWithoutLookup(tls: TlsClient, authorization: string | string[] | undefined): Credential | undefined {
  if (tls.status === 'rejected') return { kind: 'certificate-rejected', reason: tls.reason, message: tls.message };
  if (tls.status === 'verified') return undefined;
  if (authorization === undefined) return { kind: 'none' };
  const auth = readAuthorization({ authorization });
  return auth.kind === 'malformed' ? auth : undefined;
}

export interface UnauthenticatedDenial {
  body: DataPlaneError;
  /** The decision's reason (trace log). */
  reason: string;
}

/**
 * What every deployed flow answers a request that cannot authenticate (a 401 from the
 * decision of libs/authz, the very function the runtime runs), or undefined when the
 * request presents credentials only the runtime can judge.
 */
export function unauthenticatedDenial(tls: TlsClient, authorization: string | string[] | undefined): UnauthenticatedDenial | undefined {
  const credential = credentialWithoutLookup(tls, authorization);
  if (!credential) return undefined;
  const decision = decide({ ...ANY_FLOW, credential });
  if (decision.allow || decision.status !== 401) return undefined;
  return { body: { error: decision.error, error_description: decision.description }, reason: decision.reason };
}
