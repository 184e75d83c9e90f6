import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { z } from 'zod';
import { AlertsRpc, CERTIFICATE_SOURCES, ENTRY_STATUSES, inventoryQuerySchema, type InventoryCertificate } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodQuery } from '../common/zod-body.pipe';

@AdminApi('alerts')
@UseGuards(AdminTokenGuard)
@Controller('certificates')
export class CertificatesController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get()
  @Summary('Inventory of every certificate certgate relies on, with status, days left, source and reference')
  @ApiQuery({ name: 'source', required: false, enum: CERTIFICATE_SOURCES })
  @ApiQuery({ name: 'status', required: false, enum: ENTRY_STATUSES })
  @ApiQuery({ name: 'sort', required: false, enum: ['expiry', '-expiry'], description: 'expiry: soonest first (default); -expiry: latest first' })
  @ApiResponseFrom(AlertsRpc.inventory.response.shape.certificates)
  async list(@Query(new ZodQuery(inventoryQuerySchema)) query: z.output<typeof inventoryQuerySchema>): Promise<InventoryCertificate[]> {
    return (await this.rpc.request(AlertsRpc.inventory, query, { timeoutMs: 30_000 })).certificates;
  }
}
