import type { Request } from 'express';
import { actorOf, entryOf, isAudited, operationOf } from './audit-entry';

const request = (over: Record<string, unknown>): Request =>
  ({ method: 'POST', path: '/api/v1/roles', headers: {}, ip: '10.0.0.7', socket: {}, ...over }) as unknown as Request;

describe('audit entry of a request', () => {
  it('audits whatever is not a read, under the admin API only', () => {
    expect(isAudited(request({ method: 'POST' }))).toBe(true);
    expect(isAudited(request({ method: 'DELETE', path: '/api/v1/roles/R' }))).toBe(true);
    expect(isAudited(request({ method: 'GET' }))).toBe(false);
    expect(isAudited(request({ method: 'HEAD' }))).toBe(false);
    expect(isAudited(request({ method: 'POST', path: '/http/orders' }))).toBe(false);
  });

  it('names the operation by its route, as the OpenAPI document does', () => {
    expect(operationOf(request({ method: 'DELETE', path: '/api/v1/roles/R', route: { path: '/api/v1/roles/:name' } }))).toBe('DELETE /roles/{name}');
    expect(operationOf(request({ method: 'POST', path: '/api/v1/nowhere' }))).toBe('POST /nowhere');
  });

  it('keeps the id of a refused API token, never the token', () => {
    const secret = 'c2VjcmV0LXBhcnQtb2YtdGhlLXRva2Vu';
    const who = actorOf(request({ headers: { authorization: `Bearer cgt.acme.0123456789abcdef.${secret}` } }));
    expect(who).toEqual({ kind: 'anonymous', address: '10.0.0.7', surface: 'api', tokenId: '0123456789abcdef' });
  });

  it('tells the CLI by its user agent, and a session as the web console', () => {
    const cli = request({
      headers: { 'user-agent': 'certgate-cli/0.1.0' },
      principal: { kind: 'operator', operator: 'dev', tokenId: 'ab', roles: ['developer'] },
    });
    expect(actorOf(cli)).toEqual({ kind: 'operator', operator: 'dev', tokenId: 'ab', roles: ['developer'], address: '10.0.0.7', surface: 'cli' });
    const web = request({ principal: { kind: 'session', sessionId: 's1', via: 'oidc', operator: 'ada', roles: ['admin'], expiresAt: 'x' } });
    expect(actorOf(web)).toMatchObject({ kind: 'session', sessionId: 's1', via: 'oidc', operator: 'ada', surface: 'web' });
  });

  it('classifies the outcome and cuts a long message', () => {
    const entry = entryOf(request({}), { object: '/roles' }, { status: 409, code: 'role_exists', message: 'x'.repeat(900) });
    expect(entry.outcome).toMatchObject({ status: 409, result: 'refused', code: 'role_exists' });
    expect(entry.outcome.message).toHaveLength(500);
    expect(entry.what).toEqual({ operation: 'POST /roles', object: '/roles' });
  });
});
