import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { NatsConnection } from 'nats';
import { errorMessage, LogSubjects, tenantSubject, type AccessLogRecord, type TraceLogRecord } from '@certgate/contracts';
import { encodeJson, ensureStream, NATS_CONNECTION, PublishQueue } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { IngressEnv } from '../ingress-env';
import { accessLogLine, type AccessLogEntry } from './access-log-line';
import { DailyLogFile } from './daily-log-file';
import { traceLogLine, type TraceEntry } from './trace-log-line';

const DAY_MS = 86_400_000;

export interface AccessEvent extends AccessLogEntry {
  requestId: string;
  durationMs: number;
}

/**
 * The access and trace logs of design §3: each line goes to a daily file under
 * CERTGATE_LOG_DIR and, as a record, to the ACCESS_LOG / TRACE_LOG stream. Both writes
 * are fire-and-forget and batched every few milliseconds (one buffered file write; the
 * records published back to back in one socket write, as core NATS publishes the
 * stream stores without the request waiting for an acknowledgement), so logging never
 * slows or fails a request. Every record is still its own stream message.
 *
 * On shutdown the ingress server has finished its requests before this closes the
 * files (see IngressServer), and what is queued is published before the NATS
 * connection drains (MessagingModule).
 */
@Injectable()
export class RequestLog implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('request-log');
  private readonly accessFile: DailyLogFile;
  private readonly traceFile: DailyLogFile;
  private readonly accessSubject: string;
  private readonly traceSubject: string;
  private readonly queue: PublishQueue;
  private publishFailing = false;
  private readonly onPublishError = (err: unknown) => {
    // Logged once per outage, not once per request.
    if (!this.publishFailing) this.logger.warn({ msg: 'log record could not be published; the log files still have it', error: errorMessage(err) });
    this.publishFailing = true;
  };

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {
    const nodeId = env.CERTGATE_NODE_ID;
    const onError = (err: Error, path: string) => this.logger.error({ msg: 'log file write failed', path, error: err.message });
    this.accessFile = new DailyLogFile(env.CERTGATE_LOG_DIR, `http_access_${nodeId}`, onError);
    this.traceFile = new DailyLogFile(env.CERTGATE_LOG_DIR, `trace_${nodeId}`, onError);
    this.accessSubject = tenantSubject(env.CERTGATE_TENANT, LogSubjects.access(nodeId));
    this.traceSubject = tenantSubject(env.CERTGATE_TENANT, LogSubjects.trace(nodeId));
    this.queue = PublishQueue.of(nc);
  }

  /** The streams exist before the first request, so no record is lost to a missing stream. */
  async onModuleInit(): Promise<void> {
    const limits = {
      maxAgeMs: this.env.INGRESS_LOG_STREAM_MAX_AGE_DAYS * DAY_MS,
      maxBytes: this.env.INGRESS_LOG_STREAM_MAX_BYTES,
      replicas: this.env.INGRESS_LOG_STREAM_REPLICAS,
    };
    await ensureStream(this.nc, this.env.CERTGATE_TENANT, 'ACCESS_LOG', limits);
    await ensureStream(this.nc, this.env.CERTGATE_TENANT, 'TRACE_LOG', limits);
  }

  access(e: AccessEvent): void {
    const line = accessLogLine(e);
    this.accessFile.write(line, e.time);
    const record: AccessLogRecord = {
      line,
      time: e.time.toISOString(),
      nodeId: this.env.CERTGATE_NODE_ID,
      requestId: e.requestId,
      ip: e.ip,
      who: e.who,
      method: e.method,
      path: e.path,
      status: e.status,
      durationMs: e.durationMs,
    };
    this.publish(this.accessSubject, record);
  }

  trace(e: TraceEntry): void {
    const line = traceLogLine(e);
    this.traceFile.write(line, e.time);
    const record: TraceLogRecord = {
      line,
      time: e.time.toISOString(),
      nodeId: this.env.CERTGATE_NODE_ID,
      level: e.level,
      event: e.event,
      message: e.message,
      ...(e.requestId ? { requestId: e.requestId } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
      ...(e.details ? { details: e.details } : {}),
    };
    this.publish(this.traceSubject, record);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.accessFile.close(), this.traceFile.close()]);
  }

  private publish(subject: string, record: AccessLogRecord | TraceLogRecord): void {
    if (this.publishFailing && !this.nc.isClosed()) this.publishFailing = false;
    this.queue.publishRecord(subject, encodeJson(record), this.onPublishError);
  }
}
