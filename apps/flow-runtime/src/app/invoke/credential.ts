import type { ClientEntry, Credential, Principal } from '@certgate/authz';
import type { TlsClient } from '@certgate/contracts';
import { readAuthorization, secretMatches } from './basic-auth';

/** The principal lookups the credential needs (the replica's principal directory). */
export interface PrincipalLookup {
  byFingerprint(fingerprint: string): Principal | undefined;
  byClientId(clientid: string): ClientEntry | undefined;
}

/**
 * What the request presented, resolved against the in-memory directory. The ingress'
 * TLS verdict decides first: a verified certificate is the identity; a rejected one is
 * reported as such (never silently replaced by other credentials); only without any
 * certificate is the authorization header read.
 */
export function buildCredential(tls: TlsClient, headers: Readonly<Record<string, string | readonly string[]>>, lookup: PrincipalLookup): Credential {
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
      return basicCredential(headers, lookup);
  }
}

function basicCredential(headers: Readonly<Record<string, string | readonly string[]>>, lookup: PrincipalLookup): Credential {
  const auth = readAuthorization(headers);
  if (auth.kind !== 'basic') return auth;
  const entry = lookup.byClientId(auth.clientid);
  // Hashed even for an unknown client id, so the answer time does not tell which ids exist.
  const matches = secretMatches(auth.secret, entry?.secretHash);
  return { kind: 'basic', clientid: auth.clientid, principal: entry?.principal, secretMatches: entry !== undefined && matches };
}
