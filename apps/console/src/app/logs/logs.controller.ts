import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import type { Response } from 'express';
import type { z } from 'zod';
import type { NatsConnection } from 'nats';
import { type AccessLogRecord, type MplRecord, type StreamName, type TraceLogRecord } from '@certgate/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, queryStream, type MessagingOptions } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { accessLogPageSchema, messageLogPageSchema, traceLogPageSchema } from '../common/api-views';
import { AdminApi, ApiJsonResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ParsedQuery, QueryParams } from '../common/query-params';
import {
  accessFilter,
  accessQuery,
  encodeCursor,
  mplFilter,
  mplQuery,
  QUERY_DOCS,
  traceFilter,
  traceQuery,
  windowOf,
  type AccessQuery,
  type MplQuery,
  type TraceQuery,
  type Window,
} from './log-query';
import { Requires } from '../common/requires.decorator';

/**
 * How much later than its `time` a record may reach the stream: the time index finds
 * records by when the stream stored them, the filter by their own `time`.
 */
const STORE_SLACK_MS = 5_000;

const docsOf = (names: string[]) => Object.fromEntries(names.map((n) => [n, QUERY_DOCS[n]]));

/** The page's records, oldest first; the header leads to the page before. */
const Page = <S extends z.ZodType>(schema: S, example: z.output<S>) =>
  ApiJsonResponse(200, schema, {
    description: 'the newest `limit` matching records (or, with `after`, the next ones), oldest first, each with its stream sequence `seq`',
    headers: {
      'X-Next-Cursor': {
        description: 'present when older matching records exist: pass it as `?cursor=` (with the same filters) for the page before',
        required: false,
        schema: { type: 'string' },
      },
    },
    example,
  });

/** The log streams, read straight from JetStream: filtered, newest first in pages (each oldest first), or followed with `after`. */
@AdminApi('logs')
@UseGuards(AdminTokenGuard)
@Controller()
export class LogsController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  @Requires('logs:read')
  @Get('logs/access')
  @Summary('HTTP access log of every ingress replica')
  @Page(accessLogPageSchema, ex.accessLog)
  @QueryParams(accessQuery, docsOf(Object.keys(accessQuery.shape)))
  access(@ParsedQuery() query: AccessQuery, @Res({ passthrough: true }) res: Response): Promise<(AccessLogRecord & { seq: number })[]> {
    const window = windowOf(query);
    return this.read('ACCESS_LOG', query.limit, window, accessFilter(query, window), res);
  }

  @Requires('logs:read')
  @Get('logs/trace')
  @Summary('Trace log: every rejection with its reason')
  @Page(traceLogPageSchema, ex.traceLog)
  @QueryParams(traceQuery, docsOf(Object.keys(traceQuery.shape)))
  trace(@ParsedQuery() query: TraceQuery, @Res({ passthrough: true }) res: Response): Promise<(TraceLogRecord & { seq: number })[]> {
    const window = windowOf(query);
    return this.read('TRACE_LOG', query.limit, window, traceFilter(query, window), res);
  }

  @Requires('logs:read')
  @Get('message-logs')
  @Summary('Message processing log: one record per message a flow handled')
  @Page(messageLogPageSchema, ex.messageLog)
  @QueryParams(mplQuery, docsOf(Object.keys(mplQuery.shape)))
  messageLogs(@ParsedQuery() query: MplQuery, @Res({ passthrough: true }) res: Response): Promise<(MplRecord & { seq: number })[]> {
    const window = windowOf(query);
    return this.read('MPL', query.limit, window, mplFilter(query, window), res);
  }

  private async read<T extends object>(
    stream: StreamName,
    limit: number,
    w: Window,
    filter: (r: T) => boolean,
    res: Response,
  ): Promise<(T & { seq: number })[]> {
    const page = await queryStream<T>(this.nc, this.options.tenant, stream, {
      limit,
      filter,
      since: w.since,
      until: w.until && new Date(w.until.getTime() + STORE_SLACK_MS),
      before: w.before,
      after: w.after,
    });
    const records = page.records.map(({ seq, record }) => ({ ...record, seq }));
    // Reading backwards, `more` means older matching records exist: the cursor leads to them.
    if (w.after === undefined && page.more && records.length) res.setHeader('X-Next-Cursor', encodeCursor(records[0].seq));
    return records;
  }
}
