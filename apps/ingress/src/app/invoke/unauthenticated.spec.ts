import { decide, type AuthzInput } from '@certgate/authz';
import type { TlsClient } from '@certgate/contracts';
import { credentialWithoutLookup, unauthenticatedDenial } from './unauthenticated';

const REJECTED: TlsClient = {
  status: 'rejected',
  reason: 'self_signed_leaf',
  message: 'the certificate is self-signed; it must be issued by a trusted CA (DEPTH_ZERO_SELF_SIGNED_CERT)',
  fingerprint: 'ab'.repeat(32),
  subjectDN: 'CN=mallory',
  issuerDN: 'CN=mallory',
};
const VERIFIED: TlsClient = { status: 'verified', fingerprint: 'cd'.repeat(32), subjectDN: 'CN=alice', issuerDN: 'CN=CA' };
const NONE: TlsClient = { status: 'none' };

/** Every kind of flow the runtime may serve, in both modes, with the system key pair present, missing or expired. */
const FLOWS: Omit<AuthzInput, 'credential'>[] = [];
for (const mode of ['standard', 'classic'] as const)
  for (const systemKey of [
    { alias: 'sys', present: true, valid: true },
    { alias: 'sys', present: false, valid: false },
    { alias: 'sys', present: true, valid: false },
  ])
    for (const [authorization, certificateMatchers] of [
      [{ type: 'role', role: 'ESBMessaging.send' }, []],
      [
        { type: 'client-certificate', certificates: [{ subjectDN: 'CN=alice', issuerDN: 'CN=CA' }] },
        [{ normalizedSubjectDN: 'cn=alice', normalizedIssuerDN: 'cn=ca', subjectDN: 'CN=alice', issuerDN: 'CN=CA' }],
      ],
    ] as const)
      FLOWS.push({ mode, systemKey, authorization, certificateMatchers } as Omit<AuthzInput, 'credential'>);

describe('requests that cannot authenticate, whatever the flow', () => {
  it.each([
    ['no certificate, no Authorization header', NONE, undefined, 'no_credential', 'no client certificate and no credentials were sent'],
    ['no certificate, an unknown scheme', NONE, 'Negotiate abc', 'malformed_credential', "authorization scheme 'Negotiate' is not accepted here"],
    ['no certificate, Basic that is no base64', NONE, 'Basic !!!', 'malformed_credential', 'not valid base64'],
    ['no certificate, an empty Bearer token', NONE, 'Bearer ', 'malformed_credential', 'RFC 6750'],
    ['a rejected certificate', REJECTED, undefined, 'certificate_not_verified', 'certificate was not verified by ingress: the certificate is self-signed'],
    ['a rejected certificate with Basic credentials', REJECTED, 'Basic eDp5', 'certificate_not_verified', 'certificate was not verified by ingress'],
  ] as const)('%s: the same 401 as every deployed flow answers', (_, tls, authorization, reason, description) => {
    const denial = unauthenticatedDenial(tls, authorization);
    expect(denial).toEqual({ body: { error: 'invalid_client', error_description: expect.stringContaining(description) }, reason });
    const credential = credentialWithoutLookup(tls, authorization);
    if (!credential) throw new Error('no credential');
    for (const flow of FLOWS) {
      const decision = decide({ ...flow, credential });
      expect(decision).toEqual({ allow: false, status: 401, error: denial?.body.error, reason, description: denial?.body.error_description });
    }
  });

  it.each([
    ['a verified certificate', VERIFIED, undefined],
    ['a verified certificate with a malformed header (the certificate wins)', VERIFIED, 'Negotiate abc'],
    ['Basic credentials', NONE, 'Basic eDp5'],
    ['a Bearer token', NONE, 'Bearer abc.def.ghi'],
  ] as const)('%s: judged by the runtime', (_, tls, authorization) => {
    expect(credentialWithoutLookup(tls, authorization)).toBeUndefined();
    expect(unauthenticatedDenial(tls, authorization)).toBeUndefined();
  });
});
