import { clearedFlowCookie, flowCookie, flowCookieKey, FLOW_TTL_SECONDS, newFlow, openFlow, sealFlow } from './flow-cookie';

const key = flowCookieKey('an-admin-token-of-the-spec');

/** A Set-Cookie value's parts, in an order of their own (browsers take the attributes in any order). */
const parts = (setCookie: string) => setCookie.split('; ').sort();

describe('the single sign-on flow cookie', () => {
  it('gives the flow back as it was sealed, with fresh random values each time', () => {
    const flow = newFlow('/flows');
    expect(openFlow(sealFlow(flow, key), key)).toEqual(flow);
    expect(flow.verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newFlow('/').state).not.toBe(flow.state);
  });

  it('refuses a flow changed, signed with another key, too old, or malformed', () => {
    const flow = newFlow('/');
    const sealed = sealFlow(flow, key);
    const [, signature] = sealed.split('.');
    const forged = `${Buffer.from(JSON.stringify({ ...flow, returnTo: '/x' })).toString('base64url')}.${signature}`;
    expect(openFlow(forged, key)).toBeUndefined();
    expect(openFlow(sealed, flowCookieKey('another-admin-token'))).toBeUndefined();
    expect(openFlow(sealed, key, flow.startedAt + FLOW_TTL_SECONDS * 1000 + 1)).toBeUndefined();
    for (const bad of [undefined, '', 'abc', 'a.b.c', `${sealed}x`]) expect(openFlow(bad, key)).toBeUndefined();
  });

  it('is httpOnly, Lax (the callback is a navigation from the provider), scoped to the flow and short-lived', () => {
    expect(parts(flowCookie('v.s', false))).toEqual(['HttpOnly', 'Max-Age=600', 'Path=/api/v1/auth/oidc', 'SameSite=Lax', 'certgate_oidc=v.s']);
    expect(parts(flowCookie('v.s', true))).toContain('Secure');
    expect(parts(clearedFlowCookie(false))).toEqual(['HttpOnly', 'Max-Age=0', 'Path=/api/v1/auth/oidc', 'SameSite=Lax', 'certgate_oidc=']);
  });
});
