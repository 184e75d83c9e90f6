import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import type { AuditAction, AuditRecord } from '@certgate/contracts';
import { entryOf, isAudited, type Outcome } from './audit-entry';
import { AuditStream } from './audit-stream';

/** Refusals of callers without valid credentials kept per address and minute: a flood of them must not push real records out of retention. */
const ANONYMOUS_PER_MINUTE = 30;

/**
 * Writes the one record of a request, whichever path it ends on: the interceptor after
 * a handler answered, the error filter after a refusal or failure. A request is
 * recorded at most once (`settled`).
 */
@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger('audit');
  private readonly settled = new WeakSet<Request>();
  private readonly known = new WeakMap<Request, Partial<AuditAction>>();
  private readonly anonymous = new Map<string, { minute: number; count: number }>();

  constructor(readonly stream: AuditStream) {}

  /** Whether this request still needs its record. */
  pending(req: Request): boolean {
    return isAudited(req) && !this.settled.has(req);
  }

  /** Marks the request as recorded (or as refused before anything happened), so no second record is written. */
  settle(req: Request): void {
    this.settled.add(req);
  }

  /** What the interceptor learnt of a request (its permission, the object's digest before) for a record the error filter writes. */
  note(req: Request, what: Partial<AuditAction>): void {
    this.known.set(req, what);
  }

  async record(req: Request, what: Omit<AuditAction, 'operation'> & { operation?: string }, outcome: Outcome): Promise<AuditRecord | undefined> {
    this.settle(req);
    const entry = entryOf(req, { ...this.known.get(req), ...what }, outcome);
    if (entry.who.kind === 'anonymous' && !this.anonymousAllowed(entry.who.address)) return undefined;
    try {
      return await this.stream.append(entry);
    } catch (err) {
      // The entry holds no secret: the service log keeps it for reconciliation.
      this.logger.error({ msg: 'audit record not written', entry });
      throw err;
    }
  }

  private anonymousAllowed(address: string, now = Date.now()): boolean {
    const minute = Math.floor(now / 60_000);
    const seen = this.anonymous.get(address);
    if (!seen || seen.minute !== minute) {
      if (this.anonymous.size > 10_000) this.anonymous.clear();
      this.anonymous.set(address, { minute, count: 1 });
      return true;
    }
    seen.count += 1;
    if (seen.count === ANONYMOUS_PER_MINUTE + 1) this.logger.warn({ msg: 'unauthenticated refusals from one address no longer audited this minute', address });
    return seen.count <= ANONYMOUS_PER_MINUTE;
  }
}
