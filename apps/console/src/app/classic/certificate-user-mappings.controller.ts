import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { ClassicRpc, createCertificateMappingSchema, userNameSchema, type CertificateMapping } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ParsedQuery, QueryParams } from '../common/query-params';
import { ZodBody } from '../common/zod-body.pipe';

const listQuery = z.object({ user: userNameSchema.optional() });

@AdminApi('classic mode: certificate-user mappings')
@UseGuards(AdminTokenGuard)
@Controller('certificate-user-mappings')
export class CertificateUserMappingsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get()
  @Summary('List certificate-to-user mappings (?user=<name> for one user)')
  @QueryParams(listQuery, { user: 'only the mappings of this user' })
  @ApiResponseFrom(ClassicRpc.listMappings.response)
  async list(@ParsedQuery() { user }: z.output<typeof listQuery>): Promise<CertificateMapping[]> {
    return (await this.rpc.request(ClassicRpc.listMappings, user === undefined ? {} : { user })).mappings;
  }

  @Post()
  @Summary('Map a client certificate (one PEM leaf) to a user name; the id is its SHA-256 fingerprint; 409 when it is already mapped')
  @ApiBodyFrom(createCertificateMappingSchema)
  @ApiResponseFrom(ClassicRpc.createMapping.response)
  create(@Body(new ZodBody(createCertificateMappingSchema)) body: typeof createCertificateMappingSchema._output): Promise<CertificateMapping> {
    return this.rpc.request(ClassicRpc.createMapping, body);
  }

  @Get(':id')
  @Summary('One mapping')
  @ApiResponseFrom(ClassicRpc.getMapping.response)
  get(@Param('id') id: string): Promise<CertificateMapping> {
    return this.rpc.request(ClassicRpc.getMapping, { id });
  }

  @Delete(':id')
  @HttpCode(204)
  @Summary('Delete a mapping: in classic mode the certificate stops authenticating at once on every replica')
  async remove(@Param('id') id: string): Promise<void> {
    await this.rpc.request(ClassicRpc.deleteMapping, { id });
  }
}
