import { randomBytes } from 'node:crypto';
import type { Request, Response } from 'express';
import { OperatorsRpc, type OperatorRole, type SessionVia, type SessionView } from '@certgate/contracts';
import type { CertgateClient } from '@certgate/messaging';
import type { Principal } from '../common/admin-token.guard';
import type { ConsoleEnv } from '../console-env';
import { csrfTokenFor, sha256Hex } from './csrf';
import { setSessionCookie } from './session-cookie';

export interface SessionOwner {
  via: SessionVia;
  operator?: string;
  tokenId?: string;
  /** Made from the bootstrap admin token: its SHA-256 (the session ends when the token is replaced). */
  adminTokenSha256?: string;
  roles: readonly OperatorRole[];
}

export interface StartedSession {
  principal: Extract<Principal, { kind: 'session' }>;
  csrfToken: string;
}

/**
 * Makes a session for someone the console has authenticated (a token, or the identity
 * provider) and sets its cookie. The secret and the CSRF token are drawn here and go
 * only to the browser: identity stores their hashes.
 */
export class SessionStarter {
  constructor(
    private readonly rpc: CertgateClient,
    private readonly env: Pick<ConsoleEnv, 'CERTGATE_SESSION_HOURS'>,
  ) {}

  async start(req: Request, res: Response, owner: SessionOwner): Promise<StartedSession> {
    const secret = randomBytes(32).toString('base64url');
    const csrfToken = csrfTokenFor(secret);
    const session: SessionView = await this.rpc.request(OperatorsRpc.createSession, {
      via: owner.via,
      ...(owner.operator !== undefined && { operator: owner.operator }),
      ...(owner.tokenId !== undefined && { tokenId: owner.tokenId }),
      ...(owner.adminTokenSha256 !== undefined && { adminTokenSha256: owner.adminTokenSha256 }),
      roles: [...owner.roles],
      secretSha256: sha256Hex(secret),
      csrfSha256: sha256Hex(csrfToken),
      expiresInSeconds: this.env.CERTGATE_SESSION_HOURS * 3600,
    });
    setSessionCookie(req, res, `${session.id}.${secret}`, new Date(session.expiresAt));
    const started: StartedSession = {
      principal: {
        kind: 'session',
        sessionId: session.id,
        via: session.via,
        ...(session.operator !== undefined && { operator: session.operator }),
        ...(session.tokenId !== undefined && { tokenId: session.tokenId }),
        roles: session.roles,
        expiresAt: session.expiresAt,
      },
      csrfToken,
    };
    // The request's principal from now on: the audit trail names who signed in.
    (req as Request & { principal?: unknown }).principal = started.principal;
    return started;
  }
}
