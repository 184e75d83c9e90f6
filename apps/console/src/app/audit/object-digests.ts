import { createHash } from 'node:crypto';
import { isIPv6 } from 'node:net';
import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { canonicalJson } from '@certgate/contracts';

/** Fields of an answer that hold a secret shown once: left out of a digest, so none depends on a secret. */
const SECRET_FIELDS = new Set(['token', 'secret', 'clientsecret', 'clientSecret', 'password', 'privateKey', 'privateKeyPem', 'pkcs12', 'csrfToken']);
const IDENTIFIERS = ['name', 'alias', 'id', 'sha256'] as const;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([k]) => !SECRET_FIELDS.has(k))
      .map(([k, v]) => [k, withoutSecrets(v)]),
  );
}

/** The digest of a JSON value as the API shows it, secrets left out. */
export const digestOf = (value: unknown): string => sha256(canonicalJson(withoutSecrets(value)));

/**
 * The object a change touches, as the API's own GET shows it, asked of this replica over
 * the socket the request came in on, with the caller's credentials — so a digest never
 * covers more than the caller may read, and reads hand out no secrets (docs/operators.md).
 */
@Injectable()
export class ObjectDigests {
  /** The digest of the object at `path`, or undefined when it does not exist or is not one object. */
  async of(req: Request, path: string): Promise<string | undefined> {
    const { localAddress, localPort } = req.socket;
    if (!localAddress || !localPort) return undefined;
    const host = isIPv6(localAddress) ? `[${localAddress}]` : localAddress;
    const headers: Record<string, string> = {};
    if (req.headers.authorization) headers.authorization = req.headers.authorization;
    if (req.headers.cookie) headers.cookie = req.headers.cookie;
    if (req.headers['user-agent']) headers['user-agent'] = req.headers['user-agent'];
    const res = await fetch(`http://${host}:${localPort}/api/v1${path}`, { headers, signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    if (!res || res.status !== 200 || !/json/.test(res.headers.get('content-type') ?? '')) return undefined;
    const body: unknown = await res.json().catch(() => undefined);
    return body === undefined || Array.isArray(body) ? undefined : digestOf(body);
  }

  /** The object a POST made, found by the identifier in its answer: `/roles` + `{name: R}` → `/roles/R`. */
  createdPath(path: string, answer: unknown): string | undefined {
    if (!answer || typeof answer !== 'object' || Array.isArray(answer)) return undefined;
    const a = answer as Record<string, unknown>;
    const id = IDENTIFIERS.map((k) => a[k]).find((v): v is string => typeof v === 'string' && v.length > 0);
    return id === undefined ? undefined : `${path}/${encodeURIComponent(id)}`;
  }
}
