import { errors } from 'openid-client';
import { describeOidcFailure } from './oidc-failure';

const ISSUER = 'https://idp.example/realms/certgate';

describe('describeOidcFailure: what the sign-in page says about a failed exchange', () => {
  it("names the provider's error and description", () => {
    const err = new errors.OPError({ error: 'invalid_grant', error_description: 'grant request is invalid' });
    expect(describeOidcFailure(err, ISSUER)).toBe('the identity provider refused the sign-in (invalid_grant: grant request is invalid)');
  });

  it('names the failed check without the values openid-client puts after it', () => {
    const err = new errors.RPError('nonce mismatch, expected %s, got: %s', 'n0nce-secret', 'other');
    expect(describeOidcFailure(err, ISSUER)).toBe("the identity provider's answer failed a check: nonce mismatch");
    expect(describeOidcFailure(err, ISSUER)).not.toContain('n0nce-secret');
  });

  it('says when the provider cannot be reached, and nothing more for anything else', () => {
    expect(describeOidcFailure(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443'), { code: 'ECONNREFUSED' }), ISSUER)).toBe(
      `the identity provider at ${ISSUER} could not be reached (ECONNREFUSED)`,
    );
    expect(describeOidcFailure(new Error('client_secret=abc leaked in a stack'), ISSUER)).toBe(`single sign-on with ${ISSUER} failed`);
  });
});
