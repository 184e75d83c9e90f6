import { Controller, Get, Inject, Res, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import type { NatsConnection } from 'nats';
import { z } from 'zod';
import { auditRecordSchema, ChainVerifier, type AuditRecord, type ChainVerdict } from '@certgate/contracts';
import { MESSAGING_OPTIONS, NATS_CONNECTION, queryStream, type MessagingOptions } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiJsonResponse, Summary } from '../common/openapi';
import { ParsedQuery, QueryParams } from '../common/query-params';
import { Requires } from '../common/requires.decorator';
import { encodeCursor } from '../logs/log-query';
import { AUDIT_QUERY_DOCS, auditExportQuery, auditFilter, auditQuery, auditWindow, type AuditFilters, type AuditQuery } from './audit-query';
import { readWholeStream } from './audit-reader';
import { AuditStream } from './audit-stream';
import { auditRecordExample, chainVerdictExample } from './audit-examples';

/** How much later than its `at` a record may reach the stream (a replica racing others for the chain's head). */
const STORE_SLACK_MS = 5_000;

const auditPageSchema = z.array(auditRecordSchema.extend({ seq: z.number().int() }));
const chainVerdictSchema = z.object({
  ok: z.boolean(),
  records: z.number().int(),
  first: z.number().int().optional(),
  last: z.number().int().optional(),
  lastHash: z.string().optional(),
  breaks: z.array(
    z.object({
      index: z.number().int(),
      seq: z.number().int().optional(),
      id: z.string().optional(),
      problem: z.enum(['edited', 'unreadable', 'removed-before', 'out-of-order']),
      message: z.string(),
    }),
  ),
  stream: z.string(),
});

const docsOf = (names: string[]) => Object.fromEntries(names.map((n) => [n, AUDIT_QUERY_DOCS[n]]));

/** The audit trail, read straight from the AUDIT stream: filtered pages, a JSON-lines export, and the chain's verdict. */
@AdminApi('audit')
@UseGuards(AdminTokenGuard)
@Controller('audit')
export class AuditController {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly stream: AuditStream,
  ) {}

  @Requires('audit:read')
  @Get()
  @Summary('Audit records: who changed what, when, and the outcome', 'The newest `limit` matching records, oldest first, each with its stream sequence `seq`.')
  @ApiJsonResponse(200, auditPageSchema, {
    description: 'the newest `limit` matching records, oldest first',
    headers: {
      'X-Next-Cursor': {
        description: 'present when older matching records exist: pass it as `?cursor=` (with the same filters) for the page before',
        required: false,
        schema: { type: 'string' },
      },
    },
    example: [{ ...auditRecordExample, seq: 42 }],
  })
  @QueryParams(auditQuery, docsOf(Object.keys(auditQuery.shape)))
  async list(@ParsedQuery() query: AuditQuery, @Res({ passthrough: true }) res: Response): Promise<(AuditRecord & { seq: number })[]> {
    const w = auditWindow(query);
    const page = await queryStream<AuditRecord>(this.nc, this.options.tenant, 'AUDIT', {
      limit: query.limit,
      filter: auditFilter(query, w),
      since: w.since,
      until: w.until && new Date(w.until.getTime() + STORE_SLACK_MS),
      before: w.before,
    });
    const records = page.records.map(({ seq, record }) => ({ ...record, seq }));
    if (page.more && records.length) res.setHeader('X-Next-Cursor', encodeCursor(records[0].seq));
    return records;
  }

  @Requires('audit:read')
  @Get('export')
  @Summary(
    'Every matching audit record as JSON lines, oldest first',
    'One record per line, as stored plus its stream sequence `seq` (which the hash leaves out): `certgate audit verify --file` checks an unfiltered export offline.',
  )
  @ApiResponse({
    status: 200,
    description: 'JSON lines (application/x-ndjson), one audit record per line',
    headers: { 'Content-Disposition': { description: 'attachment; filename="audit-<tenant>.jsonl"', schema: { type: 'string' } } },
    content: { 'application/x-ndjson': { schema: { type: 'string' }, example: `${JSON.stringify({ ...auditRecordExample, seq: 42 })}\n` } },
  })
  @QueryParams(auditExportQuery, docsOf(Object.keys(auditExportQuery.shape)))
  async export(@ParsedQuery() query: AuditFilters, @Res() res: Response): Promise<void> {
    const filter = auditFilter(query, auditWindow(query));
    res.status(200);
    res.setHeader('Content-Type', 'application/x-ndjson; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="audit-${this.options.tenant}.jsonl"`);
    for await (const { seq, record } of readWholeStream(this.nc, this.stream.streamName)) {
      const parsed = auditRecordSchema.safeParse(record);
      // A damaged record is exported as it is, so an offline verify reports it too.
      if (!parsed.success || filter(parsed.data)) {
        if (!res.write(`${JSON.stringify({ ...(record as object), seq })}\n`)) await new Promise((r) => res.once('drain', r));
      }
    }
    res.end();
  }

  @Requires('audit:read')
  @Get('verify')
  @Summary(
    'Checks the hash chain of the whole audit trail',
    'Reads every record oldest first and checks that each hash matches its record and each record names the hash of the one before. A chain that starts after record 1 lost its oldest records to retention.',
  )
  @ApiJsonResponse(200, chainVerdictSchema, { description: 'the verdict, with up to 100 breaks, each naming its record', example: chainVerdictExample })
  async verify(): Promise<ChainVerdict & { stream: string }> {
    const verifier = new ChainVerifier();
    for await (const raw of readWholeStream(this.nc, this.stream.streamName)) verifier.add(raw);
    return { ...verifier.verdict(), stream: this.stream.streamName };
  }
}
