import { CertgateError, type Operator, type StoredApiToken, type StoredSession } from '@certgate/contracts';
import type { OperatorDirectory } from '../operators/operator-directory';
import { csrfTokenFor, sha256Hex } from './csrf';
import { SessionAuthentication } from './session-authentication';
import { TokenAuthentication } from './token-authentication';

const ID = '0123456789abcdef0123456789abcdef';
const SECRET = 's'.repeat(43);
const CSRF = csrfTokenFor(SECRET);
const HOUR = 3_600_000;

const sessions = new Map<string, StoredSession>();
const stored = new Map<string, StoredSession>();
const tokens = new Map<string, StoredApiToken>();
const operators = new Map<string, Operator>();
const directory = {
  session: (id: string) => sessions.get(id),
  fetchSession: async (id: string) => stored.get(id),
  token: (id: string) => tokens.get(id),
  operator: (name: string) => operators.get(name),
  hasEnabledAdmin: () => [...operators.values()].some((o) => o.enabled && o.roles.includes('admin')),
  used: () => undefined,
} as unknown as OperatorDirectory;
const env = { CERTGATE_ADMIN_TOKEN: 'an-admin-token-of-the-spec', CERTGATE_TENANT: 'acme', CERTGATE_BOOTSTRAP_ADMIN: 'on' as 'on' | 'off' };
const auth = new SessionAuthentication(directory, new TokenAuthentication(env, directory));

function session(over: Partial<StoredSession> = {}): StoredSession {
  return {
    id: ID,
    via: 'oidc',
    operator: 'olga',
    roles: ['developer'],
    createdAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + HOUR).toISOString(),
    secretSha256: sha256Hex(SECRET),
    csrfSha256: sha256Hex(CSRF),
    ...over,
  };
}

const request = (method = 'GET', headers: Record<string, string> = {}) => ({ method, headers, secure: false }) as never;

async function refusal(req = request(), secret = SECRET): Promise<{ error: CertgateError; cleared: string[] }> {
  const cleared: string[] = [];
  const res = { append: (_n: string, v: string) => cleared.push(v) } as never;
  try {
    await auth.authenticate(req, res, { id: ID, secret });
  } catch (err) {
    return { error: err as CertgateError, cleared };
  }
  throw new Error('the session was accepted');
}

beforeEach(() => {
  sessions.clear();
  stored.clear();
  tokens.clear();
  operators.clear();
  env.CERTGATE_BOOTSTRAP_ADMIN = 'on';
});

describe('SessionAuthentication', () => {
  it('answers a known session at once (no promise) with the roles given at sign-in', () => {
    sessions.set(ID, session());
    expect(auth.authenticate(request(), undefined, { id: ID, secret: SECRET })).toEqual({
      kind: 'session',
      sessionId: ID,
      via: 'oidc',
      operator: 'olga',
      roles: ['developer'],
      expiresAt: expect.any(String),
    });
  });

  it('reads the bucket once for a session this replica has not seen yet', async () => {
    stored.set(ID, session());
    await expect(auth.authenticate(request(), undefined, { id: ID, secret: SECRET })).resolves.toMatchObject({ kind: 'session', sessionId: ID });
  });

  it('refuses an unknown session, a wrong secret and an expired session with 401, clearing the cookie', async () => {
    const unknown = await refusal();
    expect(unknown.error.message).toBe('the session is not known (signed out, or ended): sign in again');
    expect(unknown.cleared).toEqual([expect.stringMatching(/^certgate_session=; /)]);
    sessions.set(ID, session());
    expect((await refusal(request(), 'x'.repeat(43))).error.message).toBe('the session is not known (signed out, or ended): sign in again');
    sessions.set(ID, session({ expiresAt: '2020-01-01T00:00:00.000Z' }));
    expect((await refusal()).error).toMatchObject({ code: 'unauthorized', message: 'the session expired at 2020-01-01T00:00:00.000Z: sign in again' });
  });

  it('needs the CSRF token on a write: 403 when missing or wrong, and the cookie stays', async () => {
    sessions.set(ID, session());
    const missing = await refusal(request('POST'));
    expect(missing.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/^the CSRF token is missing/) });
    expect(missing.cleared).toEqual([]);
    expect((await refusal(request('DELETE', { 'x-csrf-token': 'nope' }))).error.message).toMatch(/^the CSRF token is wrong/);
    expect(auth.authenticate(request('POST', { 'x-csrf-token': CSRF }), undefined, { id: ID, secret: SECRET })).toMatchObject({ kind: 'session' });
  });

  it("ends a token session with its token, and takes its operator's roles of now", async () => {
    const token: StoredApiToken = {
      id: 'fedcba9876543210',
      operator: 'mona',
      createdAt: new Date().toISOString(),
      expiresAt: new Date(Date.now() + HOUR).toISOString(),
      secretSha256: '0'.repeat(64),
    };
    tokens.set(token.id, token);
    operators.set('mona', { name: 'mona', roles: ['security'], enabled: true, createdAt: token.createdAt });
    sessions.set(ID, session({ via: 'token', operator: 'mona', tokenId: token.id, roles: ['monitor'] }));
    expect(auth.authenticate(request(), undefined, { id: ID, secret: SECRET })).toMatchObject({ roles: ['security'], tokenId: token.id });
    tokens.set(token.id, { ...token, revokedAt: '2026-12-07T09:00:00.000Z' });
    expect((await refusal()).error.message).toBe('the session ended: the API token fedcba9876543210 was revoked at 2026-12-07T09:00:00.000Z');
    tokens.set(token.id, token);
    operators.set('mona', { name: 'mona', roles: ['security'], enabled: false, createdAt: token.createdAt });
    expect((await refusal()).error.message).toBe('the session ended: the API token fedcba9876543210 belongs to a disabled operator');
    tokens.clear();
    expect((await refusal()).error.message).toBe('the session ended: its API token fedcba9876543210 no longer exists');
  });

  it('ends an admin-token session once the admin token is switched off and an enabled administrator exists', async () => {
    sessions.set(ID, session({ via: 'token', operator: undefined, roles: ['admin'], adminTokenSha256: sha256Hex(env.CERTGATE_ADMIN_TOKEN) }));
    env.CERTGATE_BOOTSTRAP_ADMIN = 'off';
    expect(auth.authenticate(request(), undefined, { id: ID, secret: SECRET })).toMatchObject({ roles: ['admin'] });
    operators.set('ada', { name: 'ada', roles: ['admin'], enabled: true, createdAt: new Date().toISOString() });
    expect((await refusal()).error.message).toMatch(/^the session ended: the admin token is disabled \(CERTGATE_BOOTSTRAP_ADMIN=off\)/);
  });

  it('ends an admin-token session once the admin token it was made from is replaced', async () => {
    sessions.set(ID, session({ via: 'token', operator: undefined, roles: ['admin'], adminTokenSha256: sha256Hex('the-admin-token-before-rotation') }));
    expect((await refusal()).error.message).toBe('the session ended: the admin token it was made from has been replaced');
    sessions.set(ID, session({ via: 'token', operator: undefined, roles: ['admin'] }));
    expect((await refusal()).error.message).toBe('the session ended: the admin token it was made from has been replaced');
  });
});
