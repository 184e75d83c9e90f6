import { createHash, timingSafeEqual } from 'node:crypto';
import { CertgateError, ErrorCode, parseApiToken, type Operator, type StoredApiToken } from '@certgate/contracts';
import type { Principal } from '../common/admin-token.guard';
import type { ConsoleEnv } from '../console-env';
import type { OperatorDirectory } from '../operators/operator-directory';

const digest = (s: string) => createHash('sha256').update(s).digest();

/**
 * The bootstrap admin token and operators' API tokens: who presented one, or a 401
 * saying why not, without saying whether an operator name exists. Used for bearer
 * requests and to trade a token for a web console session (POST /auth/session).
 */
export class TokenAuthentication {
  private readonly expected: Buffer;

  constructor(
    private readonly env: Pick<ConsoleEnv, 'CERTGATE_ADMIN_TOKEN' | 'CERTGATE_TENANT' | 'CERTGATE_BOOTSTRAP_ADMIN'>,
    private readonly directory: OperatorDirectory,
  ) {
    this.expected = digest(env.CERTGATE_ADMIN_TOKEN);
  }

  principal(presented: string): Principal {
    const parsed = parseApiToken(presented);
    if (!parsed) return this.adminToken(presented);
    if (parsed.tenant !== this.env.CERTGATE_TENANT)
      throw new CertgateError(
        ErrorCode.unauthorized,
        `the API token is for tenant '${parsed.tenant}'; this console serves tenant '${this.env.CERTGATE_TENANT}'`,
      );
    const token = this.directory.token(parsed.id);
    // Compared even when unknown, so an unknown id takes as long as a wrong secret.
    const matches = timingSafeEqual(digest(parsed.secret), Buffer.from(token?.secretSha256 ?? '0'.repeat(64), 'hex'));
    if (!token || !matches) throw new CertgateError(ErrorCode.unauthorized, 'the API token is not known to this tenant');
    const operator = this.operatorOf(token);
    this.directory.used(token.id);
    return { kind: 'operator', operator: operator.name, tokenId: token.id, roles: operator.roles };
  }

  /** The token's operator while the token still counts: not revoked, not expired, its operator there and enabled. */
  operatorOf(token: StoredApiToken): Operator {
    if (token.revokedAt) throw new CertgateError(ErrorCode.unauthorized, `the API token ${token.id} was revoked at ${token.revokedAt}`);
    if (Date.parse(token.expiresAt) <= Date.now()) throw new CertgateError(ErrorCode.unauthorized, `the API token ${token.id} expired at ${token.expiresAt}`);
    const operator = this.directory.operator(token.operator);
    if (!operator) throw new CertgateError(ErrorCode.unauthorized, `the API token ${token.id} belongs to an operator that no longer exists`);
    if (!operator.enabled) throw new CertgateError(ErrorCode.unauthorized, `the API token ${token.id} belongs to a disabled operator`);
    return operator;
  }

  /** Why the admin token no longer counts (CERTGATE_BOOTSTRAP_ADMIN=off and an enabled administrator exists), if it does not. */
  /** Whether a stored SHA-256 (hex) is that of the admin token this console runs with now. */
  isAdminTokenDigest(sha256Hex: string | undefined): boolean {
    return !!sha256Hex && /^[0-9a-f]{64}$/.test(sha256Hex) && timingSafeEqual(Buffer.from(sha256Hex, 'hex'), this.expected);
  }

  adminTokenRefusal(): string | undefined {
    return this.env.CERTGATE_BOOTSTRAP_ADMIN === 'off' && this.directory.hasEnabledAdmin()
      ? 'the admin token is disabled (CERTGATE_BOOTSTRAP_ADMIN=off): use an API token of an administrator'
      : undefined;
  }

  private adminToken(presented: string): Principal {
    if (!timingSafeEqual(digest(presented), this.expected))
      throw new CertgateError(ErrorCode.unauthorized, 'the bearer token is neither the admin token nor an API token');
    const refusal = this.adminTokenRefusal();
    if (refusal) throw new CertgateError(ErrorCode.unauthorized, refusal);
    return { kind: 'admin-token', roles: ['admin'] };
  }
}
