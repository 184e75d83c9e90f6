import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  CertgateError,
  ErrorCode,
  formatApiToken,
  OperatorsKv,
  type ApiTokenView,
  type CreateApiToken,
  type CreatedApiToken,
  type Operator,
  type StoredApiToken,
  type UpdateOperator,
} from '@certgate/contracts';
import { SERVICE_ENV, type BaseEnv } from '@certgate/platform';
import { OperatorRecords } from './operator-records';

const DAY_MS = 86_400_000;
const DEFAULT_TOKEN_DAYS = 90;

const view = ({ secretSha256: _hash, ...token }: StoredApiToken): ApiTokenView => token;

@Injectable()
export class OperatorsService {
  private readonly logger = new Logger(OperatorsService.name);

  constructor(
    private readonly records: OperatorRecords,
    @Inject(SERVICE_ENV) private readonly env: BaseEnv,
  ) {}

  async list(): Promise<Operator[]> {
    return (await this.records.operators.list(`${OperatorsKv.prefixes.operator}>`)).map((s) => s.value).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(name: string): Promise<Operator> {
    const stored = await this.records.operators.get(OperatorsKv.operator(name));
    if (!stored) throw new CertgateError(ErrorCode.operatorNotFound, `no operator named '${name}'`, { operator: name });
    return stored.value;
  }

  async create(body: { name: string; roles: Operator['roles']; enabled: boolean }): Promise<Operator> {
    const operator: Operator = { name: body.name, roles: [...new Set(body.roles)], enabled: body.enabled, createdAt: new Date().toISOString() };
    if ((await this.records.operators.create(OperatorsKv.operator(body.name), operator)) === undefined)
      throw new CertgateError(ErrorCode.operatorExists, `an operator named '${body.name}' exists already`, { operator: body.name });
    this.logger.log({ msg: 'operator created', operator: body.name, roles: operator.roles });
    return operator;
  }

  async update(name: string, body: UpdateOperator): Promise<Operator> {
    const updated = await this.records.operators.modify(OperatorsKv.operator(name), (current) =>
      current
        ? { ...current, ...(body.roles && { roles: [...new Set(body.roles)] }), ...(body.enabled !== undefined && { enabled: body.enabled }) }
        : undefined,
    );
    if (!updated) throw new CertgateError(ErrorCode.operatorNotFound, `no operator named '${name}'`, { operator: name });
    this.logger.log({ msg: 'operator changed', operator: name, roles: updated.roles, enabled: updated.enabled });
    return updated;
  }

  /** Its tokens are revoked first, so a token never outlives its operator. */
  async delete(name: string): Promise<void> {
    await this.get(name);
    for (const token of await this.tokensOf(name)) if (!token.revokedAt) await this.revoke(token.id);
    await this.records.operators.delete(OperatorsKv.operator(name));
    this.logger.log({ msg: 'operator deleted', operator: name });
  }

  async listTokens(name: string): Promise<ApiTokenView[]> {
    await this.get(name);
    return (await this.tokensOf(name)).map(view);
  }

  async createToken(name: string, body: CreateApiToken): Promise<CreatedApiToken> {
    await this.get(name);
    const id = randomBytes(8).toString('hex');
    const secret = randomBytes(32).toString('base64url');
    const now = Date.now();
    const expiresAt = body.expiresAt ? new Date(body.expiresAt) : new Date(now + (body.expiresInDays ?? DEFAULT_TOKEN_DAYS) * DAY_MS);
    const stored: StoredApiToken = {
      id,
      operator: name,
      ...(body.description && { description: body.description }),
      createdAt: new Date(now).toISOString(),
      expiresAt: expiresAt.toISOString(),
      secretSha256: createHash('sha256').update(secret).digest('hex'),
    };
    if ((await this.records.tokens.create(OperatorsKv.token(id), stored)) === undefined)
      throw new CertgateError(ErrorCode.concurrentChange, 'a token id was drawn twice; try again', { id });
    this.logger.log({ msg: 'API token created', operator: name, token: id, expiresAt: stored.expiresAt });
    return { ...view(stored), token: formatApiToken(this.env.CERTGATE_TENANT, id, secret) };
  }

  /** Revoking a revoked token answers it as it is. */
  async revoke(id: string): Promise<ApiTokenView> {
    const revoked = await this.records.tokens.modify(OperatorsKv.token(id), (current) =>
      current && !current.revokedAt ? { ...current, revokedAt: new Date().toISOString() } : undefined,
    );
    const now = revoked ?? (await this.records.tokens.get(OperatorsKv.token(id)))?.value;
    if (!now) throw new CertgateError(ErrorCode.tokenNotFound, `no API token with id '${id}'`, { id });
    if (revoked) this.logger.log({ msg: 'API token revoked', operator: now.operator, token: id });
    return view(now);
  }

  /** Moves lastUsedAt forward (never back: replicas report out of order). */
  async touch(id: string, at: string): Promise<void> {
    await this.records.tokens.modify(OperatorsKv.token(id), (current) =>
      current && (!current.lastUsedAt || current.lastUsedAt < at) ? { ...current, lastUsedAt: at } : undefined,
    );
  }

  private async tokensOf(name: string): Promise<StoredApiToken[]> {
    return (await this.records.tokens.list(`${OperatorsKv.prefixes.token}>`))
      .map((s) => s.value)
      .filter((t) => t.operator === name)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
