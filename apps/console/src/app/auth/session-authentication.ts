import { CertgateError, ErrorCode, sessionIdSchema, type OperatorRole, type StoredSession } from '@certgate/contracts';
import type { Request, Response } from 'express';
import type { Principal } from '../common/admin-token.guard';
import type { OperatorDirectory } from '../operators/operator-directory';
import { csrfRefusal, matchesHash } from './csrf';
import { clearSessionCookie, type SessionCookie } from './session-cookie';
import type { TokenAuthentication } from './token-authentication';

/** Hash compared when no session is found, so an unknown id takes as long as a wrong secret. */
const NO_HASH = '0'.repeat(64);

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

/**
 * The web console's session cookie: who holds it, or a 401 saying why not (and the
 * cookie cleared, so the browser stops sending it). A write needs the session's CSRF
 * token besides (403). A session made from an API token or the admin token lasts only
 * as long as that token would still be accepted.
 */
export class SessionAuthentication {
  constructor(
    private readonly directory: OperatorDirectory,
    private readonly tokens: TokenAuthentication,
  ) {}

  authenticate(req: Request, res: Response | undefined, cookie: SessionCookie): Principal | Promise<Principal> {
    const wellFormed = sessionIdSchema.safeParse(cookie.id).success && cookie.secret.length > 0;
    const known = wellFormed ? this.directory.session(cookie.id) : undefined;
    if (known || !wellFormed) return this.settle(req, res, () => this.principal(req, cookie, known));
    // Made a moment ago on another replica: this replica's watch may not have it yet.
    return this.directory.fetchSession(cookie.id).then((fetched) => this.settle(req, res, () => this.principal(req, cookie, fetched)));
  }

  private settle(req: Request, res: Response | undefined, decide: () => Principal): Principal {
    try {
      return decide();
    } catch (err) {
      if (res && err instanceof CertgateError && err.code === ErrorCode.unauthorized) clearSessionCookie(req, res);
      throw err;
    }
  }

  private principal(req: Request, cookie: SessionCookie, session: StoredSession | undefined): SessionPrincipal {
    const matches = matchesHash(cookie.secret, session?.secretSha256 ?? NO_HASH);
    if (!session || !matches) throw new CertgateError(ErrorCode.unauthorized, 'the session is not known (signed out, or ended): sign in again');
    if (Date.parse(session.expiresAt) <= Date.now())
      throw new CertgateError(ErrorCode.unauthorized, `the session expired at ${session.expiresAt}: sign in again`);
    const roles = this.currentRoles(session);
    const refusal = csrfRefusal(req, session.csrfSha256);
    if (refusal) throw new CertgateError(ErrorCode.forbidden, refusal);
    return {
      kind: 'session',
      sessionId: session.id,
      via: session.via,
      ...(session.operator && { operator: session.operator }),
      ...(session.tokenId && { tokenId: session.tokenId }),
      roles,
      expiresAt: session.expiresAt,
    };
  }

  /**
   * A token session takes its operator's roles of now (a change of roles is in force at
   * once, as for the token itself); an SSO session the roles the provider gave at sign-in.
   */
  private currentRoles(session: StoredSession): readonly OperatorRole[] {
    if (session.via === 'oidc') return session.roles;
    if (!session.tokenId) {
      const refusal = this.tokens.adminTokenRefusal();
      if (refusal) throw new CertgateError(ErrorCode.unauthorized, `the session ended: ${refusal}`);
      if (!this.tokens.isAdminTokenDigest(session.adminTokenSha256))
        throw new CertgateError(ErrorCode.unauthorized, 'the session ended: the admin token it was made from has been replaced');
      return ['admin'];
    }
    const token = this.directory.token(session.tokenId);
    if (!token) throw new CertgateError(ErrorCode.unauthorized, `the session ended: its API token ${session.tokenId} no longer exists`);
    try {
      const { roles } = this.tokens.operatorOf(token);
      this.directory.used(token.id);
      return roles;
    } catch (err) {
      if (err instanceof CertgateError) throw new CertgateError(err.code, `the session ended: ${err.message}`);
      throw err;
    }
  }
}
