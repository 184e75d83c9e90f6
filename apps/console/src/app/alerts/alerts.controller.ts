import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { z } from 'zod';
import {
  AlertsRpc,
  CERTIFICATE_SOURCES,
  CertgateError,
  certificateSourceSchema,
  describeIssues,
  ErrorCode,
  type AlertMute,
  type CertificateAlert,
  type CertificateSource,
} from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiJsonResponse, ApiNoContentResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ParsedQuery, QueryParams } from '../common/query-params';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const muteBody = z.object({ reason: z.string().max(512).optional() }).strict();

/** A full scan parses every certificate certgate relies on; the default RPC timeout is for lookups. */
const SCAN_RPC = { timeoutMs: 120_000 };

@AdminApi('alerts')
@UseGuards(AdminTokenGuard)
@Controller('alerts')
export class AlertsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('alerts:read')
  @Get()
  @Summary('The newest expiry alerts raised (oldest first)')
  @QueryParams(listQuery, { limit: '1-1000, default 100' })
  @ApiJsonResponse(200, AlertsRpc.list.response.shape.alerts, { description: 'the newest alerts, oldest first', example: ex.alerts })
  async list(@ParsedQuery() query: z.output<typeof listQuery>): Promise<CertificateAlert[]> {
    return (await this.rpc.request(AlertsRpc.list, { limit: query.limit })).alerts;
  }

  @Requires('alerts:write')
  @Post('scan')
  @HttpCode(200)
  @Summary('Scan every certificate now and raise the alerts that are due')
  @ApiJsonResponse(200, AlertsRpc.scan.response, { description: 'certificates scanned, alerts raised, and how long it took', example: ex.scan })
  scan() {
    return this.rpc.request(AlertsRpc.scan, {}, SCAN_RPC);
  }

  @Requires('alerts:read')
  @Get('mutes')
  @Summary('Sources whose alerts are muted')
  @ApiJsonResponse(200, AlertsRpc.listMutes.response.shape.mutes, { description: 'the muted sources', example: [ex.mute] })
  async mutes(): Promise<AlertMute[]> {
    return (await this.rpc.request(AlertsRpc.listMutes, {})).mutes;
  }

  @Requires('alerts:write')
  @Put('mutes/:source')
  @Summary('Mute the alerts of a source (e.g. short-lived certificates that renew themselves); the inventory still lists them')
  @ApiParam({ name: 'source', enum: CERTIFICATE_SOURCES })
  @ApiBodyFrom(
    muteBody,
    {
      reason: { summary: 'mute with a reason', value: { reason: 'short-lived certificates that renew themselves' } },
      none: { summary: 'mute without a reason', value: {} },
    },
    { required: false, description: 'optional: an empty PUT mutes without a reason' },
  )
  @ApiJsonResponse(200, AlertsRpc.mute.response, { description: 'the mute', example: ex.mute })
  mute(@Param('source') source: string, @Body() body: unknown): Promise<AlertMute> {
    // The body is optional: `PUT /alerts/mutes/flow` with nothing mutes without a reason.
    const { reason } = new ZodBody(muteBody).transform(isEmpty(body) ? {} : body);
    return this.rpc.request(AlertsRpc.mute, { source: sourceOf(source), ...(reason !== undefined && { reason }) });
  }

  @Requires('alerts:write')
  @Delete('mutes/:source')
  @HttpCode(204)
  @Summary('Unmute the alerts of a source (idempotent)')
  @ApiParam({ name: 'source', enum: CERTIFICATE_SOURCES })
  @ApiNoContentResponse('unmuted (or was not muted)')
  async unmute(@Param('source') source: string): Promise<void> {
    await this.rpc.request(AlertsRpc.unmute, { source: sourceOf(source) });
  }
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0);
}

function sourceOf(param: string): CertificateSource {
  const parsed = certificateSourceSchema.safeParse(param);
  if (!parsed.success)
    throw new CertgateError(ErrorCode.validationFailed, `invalid path: ${describeIssues(parsed.error.issues)}`, { field: 'source', source: param });
  return parsed.data;
}
