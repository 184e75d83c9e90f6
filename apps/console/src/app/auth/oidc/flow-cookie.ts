import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { serializeCookie } from '../session-cookie';

/**
 * The single sign-on in progress, kept by the browser between the login redirect and
 * the callback: the callback may reach another console replica, so nothing is kept in
 * a replica's memory. Signed, so a page cannot plant a flow of its own choosing.
 */
export const FLOW_COOKIE = 'certgate_oidc';
export const FLOW_COOKIE_PATH = '/api/v1/auth/oidc';
export const FLOW_TTL_SECONDS = 600;

const flowSchema = z.object({
  state: z.string().min(1),
  nonce: z.string().min(1),
  verifier: z.string().min(43),
  returnTo: z.string().startsWith('/'),
  startedAt: z.number(),
});
export type OidcFlow = z.infer<typeof flowSchema>;

const random = () => randomBytes(32).toString('base64url');

export function newFlow(returnTo: string, now = Date.now()): OidcFlow {
  return { state: random(), nonce: random(), verifier: random(), returnTo, startedAt: now };
}

/**
 * The key that signs flow cookies. Derived from the admin token because that is the one
 * secret every console replica of a tenant shares; the derivation keeps the token itself
 * out of any other use.
 */
export function flowCookieKey(adminToken: string): Buffer {
  return createHmac('sha256', adminToken).update('certgate oidc flow cookie v1').digest();
}

const mac = (payload: string, key: Buffer) => createHmac('sha256', key).update(payload).digest('base64url');

export function sealFlow(flow: OidcFlow, key: Buffer): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${payload}.${mac(payload, key)}`;
}

/** The flow of a cookie, if its signature holds and it is not older than {@link FLOW_TTL_SECONDS}. */
export function openFlow(value: string | undefined, key: Buffer, now = Date.now()): OidcFlow | undefined {
  const [payload, signature, ...rest] = (value ?? '').split('.');
  if (!payload || !signature || rest.length) return undefined;
  const expected = Buffer.from(mac(payload, key));
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const flow = flowSchema.safeParse(parsed);
  if (!flow.success || now - flow.data.startedAt > FLOW_TTL_SECONDS * 1000) return undefined;
  return flow.data;
}

/** Lax, not Strict: the callback is a navigation from the identity provider's site. */
export function flowCookie(value: string, secure: boolean): string {
  return serializeCookie(FLOW_COOKIE, value, { path: FLOW_COOKIE_PATH, sameSite: 'Lax', secure, maxAgeSeconds: FLOW_TTL_SECONDS });
}

export function clearedFlowCookie(secure: boolean): string {
  return serializeCookie(FLOW_COOKIE, '', { path: FLOW_COOKIE_PATH, sameSite: 'Lax', secure, maxAgeSeconds: 0 });
}
