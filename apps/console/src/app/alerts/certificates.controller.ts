import { Controller, Get, UseGuards } from '@nestjs/common';
import type { z } from 'zod';
import { AlertsRpc, CERTIFICATE_SOURCES, ENTRY_STATUSES, inventoryQuerySchema, type InventoryCertificate } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiJsonResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ParsedQuery, QueryParams } from '../common/query-params';
import { Requires } from '../common/requires.decorator';

@AdminApi('alerts')
@UseGuards(AdminTokenGuard)
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('certificates:read')
  @Get()
  @Summary('Inventory of every certificate certgate relies on, with status, days left, source and reference')
  @QueryParams(inventoryQuerySchema, {
    source: `one of ${CERTIFICATE_SOURCES.join(', ')}`,
    status: `one of ${ENTRY_STATUSES.join(', ')}`,
    sort: 'expiry: soonest first (default); -expiry: latest first',
  })
  @ApiJsonResponse(200, AlertsRpc.inventory.response.shape.certificates, { description: 'the certificates, soonest expiry first', example: ex.inventory })
  async list(@ParsedQuery() query: z.output<typeof inventoryQuerySchema>): Promise<InventoryCertificate[]> {
    return (await this.rpc.request(AlertsRpc.inventory, query, { timeoutMs: 30_000 })).certificates;
  }
}
