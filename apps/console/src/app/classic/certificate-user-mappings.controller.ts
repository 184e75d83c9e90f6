import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { ClassicRpc, createCertificateMappingSchema, ErrorCode, userNameSchema, type CertificateMapping } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, ApiNoContentResponse, SENDER_CERTIFICATE_CODES, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ParsedQuery, QueryParams } from '../common/query-params';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

const listQuery = z.object({ user: userNameSchema.optional() });

@AdminApi('classic mode: certificate-user mappings')
@UseGuards(AdminTokenGuard)
@Controller('certificate-user-mappings')
export class CertificateUserMappingsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('classic:read')
  @Get()
  @Summary('List certificate-to-user mappings (?user=<name> for one user)')
  @QueryParams(listQuery, { user: 'only the mappings of this user' })
  @ApiJsonResponse(200, ClassicRpc.listMappings.response.shape.mappings, { description: 'the mappings', example: [ex.mapping] })
  async list(@ParsedQuery() { user }: z.output<typeof listQuery>): Promise<CertificateMapping[]> {
    return (await this.rpc.request(ClassicRpc.listMappings, user === undefined ? {} : { user })).mappings;
  }

  @Requires('classic:write')
  @Post()
  @Summary('Map a client certificate (one PEM leaf) to a user name; the id is its SHA-256 fingerprint; 409 when it is already mapped')
  @ApiBodyFrom(createCertificateMappingSchema, {
    mapping: { summary: "a user's client certificate", value: { user: 'john.doe@acme.com', certificate: ex.EXAMPLE_CERTIFICATE_PEM } },
  })
  @ApiJsonResponse(201, ClassicRpc.createMapping.response, { description: 'the mapping', example: ex.mapping })
  @ApiErrors(...SENDER_CERTIFICATE_CODES, ErrorCode.certificateInUse, ErrorCode.mappingExists, ErrorCode.concurrentChange)
  create(@Body(new ZodBody(createCertificateMappingSchema)) body: typeof createCertificateMappingSchema._output): Promise<CertificateMapping> {
    return this.rpc.request(ClassicRpc.createMapping, body);
  }

  @Requires('classic:read')
  @Get(':id')
  @Summary('One mapping')
  @ApiJsonResponse(200, ClassicRpc.getMapping.response, { description: 'the mapping', example: ex.mapping })
  @ApiErrors(ErrorCode.mappingNotFound)
  get(@Param('id') id: string): Promise<CertificateMapping> {
    return this.rpc.request(ClassicRpc.getMapping, { id });
  }

  @Requires('classic:write')
  @Delete(':id')
  @HttpCode(204)
  @Summary('Delete a mapping: in classic mode the certificate stops authenticating at once on every replica')
  @ApiNoContentResponse('deleted')
  @ApiErrors(ErrorCode.mappingNotFound)
  async remove(@Param('id') id: string): Promise<void> {
    await this.rpc.request(ClassicRpc.deleteMapping, { id });
  }
}
