import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import {
  auditRecordSchema,
  CertgateError,
  chainAfter,
  ErrorCode,
  errorMessage,
  tenantStream,
  tenantSubject,
  type AuditEntry,
  type AuditRecord,
} from '@certgate/contracts';
import {
  decodeJson,
  encodeJson,
  ensureStream,
  HealthResponder,
  jetStreamErrorCode,
  JS_STREAM_NOT_FOUND,
  JS_WRONG_LAST_SEQUENCE,
  NATS_CONNECTION,
} from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { ConsoleEnv } from '../console-env';

const DAY_MS = 86_400_000;
/** JetStream's answer to "the last message of an empty stream". */
const JS_NO_MESSAGE = 10037;
/** Appends racing other replicas: each lost race costs one head read. */
const MAX_ATTEMPTS = 25;

interface Head {
  seq: number;
  index: number;
  hash: string;
  id: string;
}

/**
 * The AUDIT stream and its hash chain. Several console replicas append to one chain:
 * each publish expects the stream's last sequence to be the head this replica read, so
 * of two racing replicas one wins and the other re-reads the head and chains after it.
 * Within a replica appends go one at a time. The message id is the entry's id, so a
 * publish retried after a lost acknowledgement is stored once.
 */
@Injectable()
export class AuditStream implements OnModuleInit {
  private readonly logger = new Logger('audit');
  private readonly stream: string;
  private readonly subject: string;
  private js!: JetStreamClient;
  private jsm!: JetStreamManager;
  private head?: Head;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(SERVICE_ENV) private readonly env: ConsoleEnv,
    private readonly health: HealthResponder,
  ) {
    this.stream = tenantStream(env.CERTGATE_TENANT, 'AUDIT');
    this.subject = tenantSubject(env.CERTGATE_TENANT, 'audit.record.v1');
  }

  async onModuleInit(): Promise<void> {
    await ensureStream(this.nc, this.env.CERTGATE_TENANT, 'AUDIT', {
      maxAgeMs: this.env.CERTGATE_AUDIT_RETENTION_DAYS * DAY_MS,
      maxBytes: this.env.CERTGATE_AUDIT_MAX_BYTES,
    });
    this.js = this.nc.jetstream();
    this.jsm = await this.nc.jetstreamManager();
    // Down means every change is refused (fail closed): the health answer says so.
    this.health.register('audit', async () => {
      try {
        const head = await this.readHead();
        return { status: 'up', message: head ? `${this.stream}: chain head is record ${head.index}` : `${this.stream}: no records yet` };
      } catch (err) {
        return { status: 'down', message: this.unavailable('changes are refused', err, false).message };
      }
    });
  }

  get streamName(): string {
    return this.stream;
  }

  /**
   * Reads the chain's head: proof, just before a change, that the trail answers. A
   * change is refused when it does not (fail closed), before anything was changed.
   */
  async assertWritable(): Promise<void> {
    try {
      this.head = await this.readHead();
    } catch (err) {
      throw this.unavailable('the change was refused and nothing was changed', err);
    }
  }

  /** Appends one entry after the chain's head and returns the stored record. */
  append(entry: AuditEntry): Promise<AuditRecord> {
    const next = this.queue.then(() => this.appendNow(entry));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async appendNow(entry: AuditEntry): Promise<AuditRecord> {
    let lastError: unknown;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const head = this.head ?? (await this.readHead());
      if (head?.id === entry.id) return this.storedRecord(head.seq);
      const record = chainAfter(head, entry);
      try {
        const ack = await this.js.publish(this.subject, encodeJson(record), { msgID: entry.id, expect: { lastSequence: head?.seq ?? 0 } });
        this.head = { seq: ack.seq, index: record.index, hash: record.hash, id: record.id };
        return record;
      } catch (err) {
        lastError = err;
        this.head = undefined;
        if (jetStreamErrorCode(err) !== JS_WRONG_LAST_SEQUENCE) break;
        // Another replica appended first: read its record and chain after it.
        await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
      }
    }
    throw this.unavailable('its record could not be appended', lastError);
  }

  private async readHead(): Promise<Head | undefined> {
    try {
      const msg = await this.jsm.streams.getMessage(this.stream, { last_by_subj: this.subject });
      const r = auditRecordSchema.parse(decodeJson(msg.data));
      return { seq: msg.seq, index: r.index, hash: r.hash, id: r.id };
    } catch (err) {
      if (jetStreamErrorCode(err) === JS_NO_MESSAGE) return undefined;
      throw err;
    }
  }

  private async storedRecord(seq: number): Promise<AuditRecord> {
    return auditRecordSchema.parse(decodeJson((await this.jsm.streams.getMessage(this.stream, { seq })).data));
  }

  private unavailable(what: string, err: unknown, log = true): CertgateError {
    const cause = jetStreamErrorCode(err) === JS_STREAM_NOT_FOUND ? `the stream ${this.stream} does not exist` : errorMessage(err);
    if (log) this.logger.error({ msg: 'audit trail unavailable', stream: this.stream, error: cause });
    return new CertgateError(ErrorCode.auditUnavailable, `the audit trail cannot be written (${cause}): ${what}`, { stream: this.stream });
  }
}
