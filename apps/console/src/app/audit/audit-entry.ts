import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { resultOfStatus, type AuditActor, type AuditAction, type AuditEntry } from '@certgate/contracts';
import { principalOf } from '../common/admin-token.guard';

const API_PREFIX = '/api/v1';
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every request that may change something is audited: whatever is not a read, under the admin API. */
export const isAudited = (req: Request): boolean => !READS.has(req.method) && req.path.startsWith(`${API_PREFIX}/`);

/** The object of a request: its path below the API prefix, without the query. */
export const objectPathOf = (req: Request): string => req.path.slice(API_PREFIX.length);

/** `POST /roles/{name}`: the route as the OpenAPI document names it (the path itself when no route matched). */
export function operationOf(req: Request): string {
  const route = (req.route as { path?: unknown } | undefined)?.path;
  const template = typeof route === 'string' ? route.replace(API_PREFIX, '').replace(/:([A-Za-z0-9_]+)/g, '{$1}') : objectPathOf(req);
  return `${req.method} ${template}`;
}

/** `web` for a cookie session, `cli` for the certgate CLI (its User-Agent), `api` otherwise. */
function surfaceOf(req: Request, kind: AuditActor['kind']): AuditActor['surface'] {
  if (kind === 'session') return 'web';
  return /^certgate-cli\//.test(req.headers['user-agent'] ?? '') ? 'cli' : 'api';
}

/** Who: from the principal the guard set; a refused caller is `anonymous`, with the token id it presented when it had one. */
export function actorOf(req: Request): AuditActor {
  const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  const p = principalOf(req);
  if (!p) {
    const presented = /^Bearer\s+cgt\.[^.]+\.([0-9a-f]{16})\./i.exec(req.headers.authorization ?? '')?.[1];
    return { kind: 'anonymous', address, surface: surfaceOf(req, 'anonymous'), ...(presented && { tokenId: presented }) };
  }
  const base = { kind: p.kind, roles: [...p.roles], address, surface: surfaceOf(req, p.kind) };
  switch (p.kind) {
    case 'admin-token':
      return base;
    case 'operator':
      return { ...base, operator: p.operator, tokenId: p.tokenId };
    default: {
      const s = p as { sessionId: string; via: 'oidc' | 'token'; operator?: string; tokenId?: string };
      return { ...base, sessionId: s.sessionId, via: s.via, ...(s.operator && { operator: s.operator }), ...(s.tokenId && { tokenId: s.tokenId }) };
    }
  }
}

export interface Outcome {
  status: number;
  code?: string;
  message?: string;
}

/** One audit entry for one request. */
export function entryOf(req: Request, what: Omit<AuditAction, 'operation'> & { operation?: string }, outcome: Outcome): AuditEntry {
  const requestId = req.headers['x-request-id'];
  return {
    id: randomUUID(),
    at: new Date().toISOString(),
    ...(typeof requestId === 'string' && requestId && { requestId: requestId.slice(0, 200) }),
    who: actorOf(req),
    what: { operation: what.operation ?? operationOf(req), ...what },
    outcome: {
      status: outcome.status,
      result: resultOfStatus(outcome.status),
      ...(outcome.code && { code: outcome.code }),
      ...(outcome.message && { message: outcome.message.slice(0, 500) }),
    },
  };
}
