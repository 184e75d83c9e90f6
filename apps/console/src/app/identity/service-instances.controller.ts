import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, UseGuards } from '@nestjs/common';
import { createServiceKeySchema, IdentityRpc, instanceParametersSchema } from '@certgate/contracts';
import { z } from 'zod';
import { CertgateClient } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';
import { publicBaseUrl, type ConsoleEnv } from '../console-env';

const createInstance = IdentityRpc.createInstance.request;
const updateInstance = z.object({ parameters: instanceParametersSchema }).strict();

@AdminApi('service instances')
@UseGuards(AdminTokenGuard)
@Controller('service-instances')
export class ServiceInstancesController {
  /** What a sender needs besides its credential, as a hosted tenant's service-key JSON carries it. */
  private readonly endpoints: { url: string; tokenurl: string };

  constructor(
    private readonly rpc: CertgateClient,
    @Inject(SERVICE_ENV) env: ConsoleEnv,
  ) {
    const base = publicBaseUrl(env);
    this.endpoints = { url: `${base}/http`, tokenurl: `${base}/oauth/token` };
  }

  private withEndpoints<K extends object>(key: K): K & { url: string; tokenurl: string } {
    return { ...key, ...this.endpoints };
  }

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
  async get(@Param('name') instance: string) {
    const found = await this.rpc.request(IdentityRpc.getInstance, { instance });
    return { ...found, keys: found.keys.map((k) => this.withEndpoints(k)) };
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
  @Summary('List the keys of an instance, each with the url and tokenurl senders call')
  async keys(@Param('name') instance: string) {
    return (await this.rpc.request(IdentityRpc.listKeys, { instance })).keys.map((k) => this.withEndpoints(k));
  }

  @Post(':name/keys')
  @Summary('Create a key: external-certificate (a PEM leaf), certificate (generated, returned once) or client-secret (returned once)')
  @ApiBodyFrom(createServiceKeySchema)
  @ApiResponseFrom(IdentityRpc.createKey.response, 'The key; a generated private key or client secret is shown only in this response')
  async createKey(@Param('name') instance: string, @Body(new ZodBody(createServiceKeySchema)) body: typeof createServiceKeySchema._output) {
    return this.withEndpoints(await this.rpc.request(IdentityRpc.createKey, { instance, body }));
  }

  @Get(':name/keys/:key')
  @Summary('One key (never its secret or private key)')
  async key(@Param('name') instance: string, @Param('key') key: string) {
    return this.withEndpoints(await this.rpc.request(IdentityRpc.getKey, { instance, key }));
  }

  @Delete(':name/keys/:key')
  @HttpCode(204)
  @Summary('Delete a key: its certificate or secret stops working at once on every replica')
  async removeKey(@Param('name') instance: string, @Param('key') key: string): Promise<void> {
    await this.rpc.request(IdentityRpc.deleteKey, { instance, key });
  }
}
