import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put, UseGuards } from '@nestjs/common';
import { createServiceKeySchema, ErrorCode, IdentityRpc, instanceParametersSchema } from '@certgate/contracts';
import { z } from 'zod';
import { CertgateClient } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { createdServiceKeyApiSchema, instanceWithKeysApiSchema, serviceKeyApiSchema, type KeyEndpoints } from '../common/api-views';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, ApiNoContentResponse, SENDER_CERTIFICATE_CODES, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { publicBaseUrl, type ConsoleEnv } from '../console-env';
import { Requires } from '../common/requires.decorator';

const createInstance = IdentityRpc.createInstance.request;
const updateInstance = z.object({ parameters: instanceParametersSchema }).strict();

@AdminApi('service instances')
@UseGuards(AdminTokenGuard)
@Controller('service-instances')
export class ServiceInstancesController {
  /** What a sender needs besides its credential, as a hosted tenant's service-key JSON carries it. */
  private readonly endpoints: KeyEndpoints;

  constructor(
    private readonly rpc: CertgateClient,
    @Inject(SERVICE_ENV) env: ConsoleEnv,
  ) {
    const base = publicBaseUrl(env);
    this.endpoints = { url: `${base}/http`, tokenurl: `${base}/oauth/token` };
  }

  private withEndpoints<K extends object>(key: K): K & KeyEndpoints {
    return { ...key, ...this.endpoints };
  }

  @Requires('service-instances:read')
  @Get()
  @Summary('List service instances')
  @ApiJsonResponse(200, IdentityRpc.listInstances.response.shape.instances, { description: 'every instance (without keys)', example: ex.instances })
  async list() {
    return (await this.rpc.request(IdentityRpc.listInstances, {})).instances;
  }

  @Requires('service-instances:write')
  @Post()
  @Summary('Create a service instance: {"name", "parameters": {"roles", "grant-types", "redirect-uris"}}')
  @ApiBodyFrom(createInstance, {
    client_x509: {
      summary: 'senders authenticate with client certificates',
      value: { name: 'sender-a', parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] } },
    },
    client_credentials: {
      summary: 'senders get OAuth tokens with a client secret',
      value: { name: 'cc-app', parameters: { roles: ['Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': ['https://app.example/cb'] } },
    },
  })
  @ApiJsonResponse(201, IdentityRpc.createInstance.response, { description: 'the instance', example: ex.instance })
  @ApiErrors(ErrorCode.roleUnknown, ErrorCode.instanceExists)
  create(@Body(new ZodBody(createInstance)) body: typeof createInstance._output) {
    return this.rpc.request(IdentityRpc.createInstance, body);
  }

  @Requires('service-instances:read')
  @Get(':name')
  @Summary('One service instance with its keys')
  @ApiJsonResponse(200, instanceWithKeysApiSchema, { description: 'the instance with its keys', example: ex.instanceWithKeys })
  @ApiErrors(ErrorCode.instanceNotFound)
  async get(@Param('name') instance: string) {
    const found = await this.rpc.request(IdentityRpc.getInstance, { instance });
    return { ...found, keys: found.keys.map((k) => this.withEndpoints(k)) };
  }

  @Requires('service-instances:write')
  @Put(':name')
  @Summary("Replace an instance's roles and redirect URIs (the grant type cannot change); in force within a second")
  @ApiBodyFrom(updateInstance, {
    roles: { summary: 'new roles, same grant type', value: { parameters: { roles: ['Role1', 'Role2'], 'grant-types': ['client_x509'], 'redirect-uris': [] } } },
  })
  @ApiJsonResponse(200, IdentityRpc.updateInstance.response, { description: 'the instance', example: ex.instance })
  @ApiErrors(ErrorCode.instanceNotFound, ErrorCode.roleUnknown, ErrorCode.grantTypeImmutable, ErrorCode.concurrentChange)
  update(@Param('name') instance: string, @Body(new ZodBody(updateInstance)) body: typeof updateInstance._output) {
    return this.rpc.request(IdentityRpc.updateInstance, { instance, parameters: body.parameters });
  }

  @Requires('service-instances:write')
  @Delete(':name')
  @HttpCode(204)
  @Summary('Delete a service instance and all its keys')
  @ApiNoContentResponse('deleted, with its keys')
  @ApiErrors(ErrorCode.instanceNotFound)
  async remove(@Param('name') instance: string): Promise<void> {
    await this.rpc.request(IdentityRpc.deleteInstance, { instance });
  }

  @Requires('service-instances:read')
  @Get(':name/keys')
  @Summary('List the keys of an instance, each with the url and tokenurl senders call')
  @ApiJsonResponse(200, z.array(serviceKeyApiSchema), { description: 'the keys (never a secret or private key)', example: [ex.key] })
  @ApiErrors(ErrorCode.instanceNotFound)
  async keys(@Param('name') instance: string) {
    return (await this.rpc.request(IdentityRpc.listKeys, { instance })).keys.map((k) => this.withEndpoints(k));
  }

  @Requires('service-instances:write')
  @Post(':name/keys')
  @Summary('Create a key: external-certificate (a PEM leaf), certificate (generated, returned once) or client-secret (returned once)')
  @ApiBodyFrom(createServiceKeySchema, {
    'external-certificate': {
      summary: "external-certificate: the sender's own certificate (client_x509 instances)",
      description: 'One PEM leaf, not a CA, valid now, with EKU clientAuth if it has an EKU.',
      value: { name: 'k1', type: 'external-certificate', certificate: ex.EXAMPLE_CERTIFICATE_PEM },
    },
    certificate: {
      summary: 'certificate: a key pair and a certificate from the tenant client CA (client_x509 instances)',
      description: 'The answer carries the private key (`key`, PKCS#8 PEM) once.',
      value: { name: 'k2', type: 'certificate', validityDays: 365, keyType: 'EC' },
    },
    'client-secret': {
      summary: 'client-secret: a client secret (client_credentials instances)',
      description: 'The answer carries the secret (`clientsecret`) once.',
      value: { name: 's1', type: 'client-secret' },
    },
  })
  @ApiJsonResponse(201, createdServiceKeyApiSchema, {
    description: 'The key; a generated private key (`key`) or client secret (`clientsecret`) is shown only in this response',
    example: ex.createdKey,
  })
  @ApiErrors(
    ErrorCode.instanceNotFound,
    ErrorCode.grantTypeInvalid,
    ...SENDER_CERTIFICATE_CODES,
    ErrorCode.keyExists,
    ErrorCode.certificateInUse,
    ErrorCode.concurrentChange,
  )
  async createKey(@Param('name') instance: string, @Body(new ZodBody(createServiceKeySchema)) body: typeof createServiceKeySchema._output) {
    return this.withEndpoints(await this.rpc.request(IdentityRpc.createKey, { instance, body }));
  }

  @Requires('service-instances:read')
  @Get(':name/keys/:key')
  @Summary('One key (never its secret or private key)')
  @ApiJsonResponse(200, serviceKeyApiSchema, { description: 'the key', example: ex.key })
  @ApiErrors(ErrorCode.instanceNotFound, ErrorCode.keyNotFound)
  async key(@Param('name') instance: string, @Param('key') key: string) {
    return this.withEndpoints(await this.rpc.request(IdentityRpc.getKey, { instance, key }));
  }

  @Requires('service-instances:write')
  @Delete(':name/keys/:key')
  @HttpCode(204)
  @Summary('Delete a key: its certificate or secret stops working at once on every replica')
  @ApiNoContentResponse('deleted')
  @ApiErrors(ErrorCode.instanceNotFound, ErrorCode.keyNotFound)
  async removeKey(@Param('name') instance: string, @Param('key') key: string): Promise<void> {
    await this.rpc.request(IdentityRpc.deleteKey, { instance, key });
  }
}
