import { parse, serialize } from 'cookie';
import type { Request, Response } from 'express';

/** `<id>.<secret>`: the id finds the record, the secret proves the browser holds the session. */
export const SESSION_COOKIE = 'certgate_session';
/** The API and nothing else: the web console's pages never need it. */
export const SESSION_COOKIE_PATH = '/api';

export interface CookieOptions {
  path: string;
  sameSite: 'Strict' | 'Lax';
  secure: boolean;
  /** Absolute end; absent with `maxAgeSeconds` or for a cookie being cleared. */
  expires?: Date;
  maxAgeSeconds?: number;
}

/** A `Set-Cookie` value, always httpOnly (no script of the page can read it). */
export function serializeCookie(name: string, value: string, opts: CookieOptions): string {
  return serialize(name, value, {
    path: opts.path,
    expires: opts.expires,
    maxAge: opts.maxAgeSeconds,
    httpOnly: true,
    sameSite: opts.sameSite === 'Strict' ? 'strict' : 'lax',
    secure: opts.secure,
  });
}

/** Whether the browser reached the console over https (itself, or a proxy that says so). */
export function cameOverHttps(req: Pick<Request, 'secure' | 'headers'>): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return req.secure || proto === 'https';
}

/** The cookies of a request by name (the first of a name wins, as browsers send the most specific path first). */
export function cookiesOf(req: Pick<Request, 'headers'>): Map<string, string> {
  const parsed = parse(req.headers.cookie ?? '');
  return new Map(Object.entries(parsed).filter((e): e is [string, string] => e[1] !== undefined));
}

export interface SessionCookie {
  id: string;
  secret: string;
}

/** The session cookie, split; a malformed one comes back as it is and is refused as unknown. */
export function sessionCookieOf(req: Pick<Request, 'headers'>): SessionCookie | undefined {
  const value = cookiesOf(req).get(SESSION_COOKIE);
  if (value === undefined) return undefined;
  const dot = value.indexOf('.');
  return dot < 0 ? { id: value, secret: '' } : { id: value.slice(0, dot), secret: value.slice(dot + 1) };
}

/** The session cookie, lasting no longer than the session. */
export function sessionCookie(value: string, expires: Date, secure: boolean): string {
  return serializeCookie(SESSION_COOKIE, value, { path: SESSION_COOKIE_PATH, sameSite: 'Strict', secure, expires });
}

export function setSessionCookie(req: Request, res: Response, value: string, expires: Date): void {
  res.append('Set-Cookie', sessionCookie(value, expires, cameOverHttps(req)));
}

/** Tells the browser to drop the session cookie (sign-out, or a session that ended). */
export function clearSessionCookie(req: Pick<Request, 'secure' | 'headers'>, res: Pick<Response, 'append'>): void {
  res.append(
    'Set-Cookie',
    serializeCookie(SESSION_COOKIE, '', { path: SESSION_COOKIE_PATH, sameSite: 'Strict', secure: cameOverHttps(req), expires: new Date(0) }),
  );
}
