import { Controller, Get, Inject, Query, UseGuards } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { NatsConnection } from 'nats';
import { z } from 'zod';
import { type AccessLogRecord, type MplRecord, type StreamName, type TraceLogRecord } from '@certgate/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, readStreamTail, type MessagingOptions } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, Summary } from '../common/openapi';
import { ZodQuery } from '../common/zod-body.pipe';

const logQuery = z.object({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  flowId: z.string().optional(),
});
type LogQuery = z.output<typeof logQuery>;

/** The newest records of the log streams (oldest first), read straight from JetStream. */
@AdminApi('logs')
@UseGuards(AdminTokenGuard)
@Controller()
export class LogsController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  @Get('logs/access')
  @Summary('HTTP access log of every ingress replica')
  @ApiQuery({ name: 'limit', required: false, description: '1-1000, default 100' })
  access(@Query(new ZodQuery(logQuery)) query: LogQuery): Promise<AccessLogRecord[]> {
    return this.tail('ACCESS_LOG', query.limit);
  }

  @Get('logs/trace')
  @Summary('Trace log: every rejection with its reason')
  @ApiQuery({ name: 'limit', required: false, description: '1-1000, default 100' })
  trace(@Query(new ZodQuery(logQuery)) query: LogQuery): Promise<TraceLogRecord[]> {
    return this.tail('TRACE_LOG', query.limit);
  }

  @Get('message-logs')
  @Summary('Message processing log: one record per message a flow handled')
  @ApiQuery({ name: 'limit', required: false, description: '1-1000, default 100' })
  @ApiQuery({ name: 'flowId', required: false })
  messageLogs(@Query(new ZodQuery(logQuery)) query: LogQuery): Promise<MplRecord[]> {
    const { limit, flowId } = query;
    return this.tail<MplRecord>('MPL', limit, flowId ? (r) => r.flowId === flowId : undefined);
  }

  private tail<T>(stream: StreamName, limit: number, filter?: (r: T) => boolean): Promise<T[]> {
    return readStreamTail<T>(this.nc, this.options.tenant, stream, limit, filter);
  }
}
