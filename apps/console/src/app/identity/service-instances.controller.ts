import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { createServiceKeySchema, IdentityRpc, instanceParametersSchema } from '@certgate/contracts';
import { z } from 'zod';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';

const createInstance = IdentityRpc.createInstance.request;
const updateInstance = z.object({ parameters: instanceParametersSchema }).strict();

@AdminApi('service instances')
@UseGuards(AdminTokenGuard)
@Controller('service-instances')
export class ServiceInstancesController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get()
  @Summary('List service instances')
  async list() {
    return (await this.rpc.request(IdentityRpc.listInstances, {})).instances;
  }

  @Post()
  @Summary('Create a service instance: {"name", "parameters": {"roles", "grant-types", "redirect-uris"}}')
  @ApiBodyFrom(createInstance)
  @ApiResponseFrom(IdentityRpc.createInstance.response)
  create(@Body(new ZodBody(createInstance)) body: typeof createInstance._output) {
    return this.rpc.request(IdentityRpc.createInstance, body);
  }

  @Get(':name')
  @Summary('One service instance with its keys')
  get(@Param('name') instance: string) {
    return this.rpc.request(IdentityRpc.getInstance, { instance });
  }

  @Put(':name')
  @Summary("Replace an instance's roles and redirect URIs (the grant type cannot change); in force within a second")
  @ApiBodyFrom(updateInstance)
  @ApiResponseFrom(IdentityRpc.updateInstance.response)
  update(@Param('name') instance: string, @Body(new ZodBody(updateInstance)) body: typeof updateInstance._output) {
    return this.rpc.request(IdentityRpc.updateInstance, { instance, parameters: body.parameters });
  }

  @Delete(':name')
  @HttpCode(204)
  @Summary('Delete a service instance and all its keys')
  async remove(@Param('name') instance: string): Promise<void> {
    await this.rpc.request(IdentityRpc.deleteInstance, { instance });
  }

  @Get(':name/keys')
  @Summary('List the keys of an instance')
  async keys(@Param('name') instance: string) {
    return (await this.rpc.request(IdentityRpc.listKeys, { instance })).keys;
  }

  @Post(':name/keys')
  @Summary('Create a key: external-certificate (a PEM leaf), certificate (generated, returned once) or client-secret (returned once)')
  @ApiBodyFrom(createServiceKeySchema)
  @ApiResponseFrom(IdentityRpc.createKey.response, 'The key; a generated private key or client secret is shown only in this response')
  createKey(@Param('name') instance: string, @Body(new ZodBody(createServiceKeySchema)) body: typeof createServiceKeySchema._output) {
    return this.rpc.request(IdentityRpc.createKey, { instance, body });
  }

  @Get(':name/keys/:key')
  @Summary('One key (never its secret or private key)')
  key(@Param('name') instance: string, @Param('key') key: string) {
    return this.rpc.request(IdentityRpc.getKey, { instance, key });
  }

  @Delete(':name/keys/:key')
  @HttpCode(204)
  @Summary('Delete a key: its certificate or secret stops working at once on every replica')
  async removeKey(@Param('name') instance: string, @Param('key') key: string): Promise<void> {
    await this.rpc.request(IdentityRpc.deleteKey, { instance, key });
  }
}
