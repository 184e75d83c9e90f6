import { redactUrlCredentials } from './logger';

describe('redactUrlCredentials', () => {
  it('hides the authorization code and state of a single sign-on callback, and keeps the rest of the URL', () => {
    expect(redactUrlCredentials({ url: '/api/v1/auth/oidc/callback?code=abc123&state=xyz&iss=https%3A%2F%2Fidp' }).url).toBe(
      '/api/v1/auth/oidc/callback?code=[redacted]&state=[redacted]&iss=https%3A%2F%2Fidp',
    );
    expect(redactUrlCredentials({ url: '/api/v1/logs/access?limit=5' }).url).toBe('/api/v1/logs/access?limit=5');
    expect(redactUrlCredentials<{ url?: string; id: number }>({ id: 1 })).toEqual({ id: 1 });
  });
});
