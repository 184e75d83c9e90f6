import { randomBytes } from 'node:crypto';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { CertgateError, ErrorCode, errorMessage, OperatorsKv, type CreateSession, type SessionView, type StoredSession } from '@certgate/contracts';
import { OperatorRecords } from './operator-records';

/** How often expired sessions are removed: the console refuses them by their expiresAt anyway, this only keeps the bucket small. */
export const SESSION_SWEEP_INTERVAL_MS = 5 * 60_000;

const view = ({ secretSha256: _secret, csrfSha256: _csrf, ...session }: StoredSession): SessionView => session;

/**
 * Web console sessions (docs/operators.md): identity alone writes them, the console
 * watches them. The console sends only the hashes of the session secret and the CSRF
 * token, so neither secret crosses NATS or lands in the bucket.
 */
@Injectable()
export class SessionsService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(SessionsService.name);
  private sweeper?: NodeJS.Timeout;

  constructor(private readonly records: OperatorRecords) {}

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.sweepInBackground(), SESSION_SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  async create(body: CreateSession): Promise<SessionView> {
    const { expiresInSeconds, ...rest } = body;
    const now = Date.now();
    const stored: StoredSession = {
      id: randomBytes(16).toString('hex'),
      ...rest,
      roles: [...new Set(rest.roles)],
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + expiresInSeconds * 1000).toISOString(),
    };
    if ((await this.records.sessions.create(OperatorsKv.session(stored.id), stored)) === undefined)
      throw new CertgateError(ErrorCode.concurrentChange, 'a session id was drawn twice; try again', { id: stored.id });
    this.logger.log({
      msg: 'session created',
      session: stored.id,
      via: stored.via,
      operator: stored.operator,
      token: stored.tokenId,
      expiresAt: stored.expiresAt,
    });
    return view(stored);
  }

  async delete(id: string): Promise<void> {
    const existed = await this.records.sessions.get(OperatorsKv.session(id));
    if (!existed) return;
    await this.records.sessions.delete(OperatorsKv.session(id));
    this.logger.log({ msg: 'session ended', session: id, operator: existed.value.operator });
  }

  /**
   * Deletes the sessions that have expired; each at the revision it was read, so a
   * replica sweeping at the same time does no harm. Answers how many it deleted.
   */
  async sweep(now = Date.now()): Promise<number> {
    let deleted = 0;
    for (const { key, value, revision } of await this.records.sessions.list(`${OperatorsKv.prefixes.session}>`))
      if (Date.parse(value.expiresAt) <= now && (await this.records.sessions.delete(key, revision))) deleted += 1;
    return deleted;
  }

  private async sweepInBackground(): Promise<void> {
    try {
      const deleted = await this.sweep();
      if (deleted) this.logger.log({ msg: 'expired sessions removed', count: deleted });
    } catch (err) {
      // NATS away for a moment: the next sweep catches up.
      this.logger.warn({ msg: 'expired sessions could not be removed', error: errorMessage(err) });
    }
  }
}
