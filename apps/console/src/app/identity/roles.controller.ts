import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ErrorCode, IdentityRpc, type Role } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { roleAsParametersSchema } from '../common/api-views';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, ApiNoContentResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

const createRole = IdentityRpc.createRole.request;

@AdminApi('roles')
@UseGuards(AdminTokenGuard)
@Controller('roles')
export class RolesController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('roles:read')
  @Get()
  @Summary('List user roles (the predefined ESBMessaging.send and custom ones)')
  @ApiJsonResponse(200, IdentityRpc.listRoles.response.shape.roles, { description: 'every role', example: ex.roles })
  async list(): Promise<Role[]> {
    return (await this.rpc.request(IdentityRpc.listRoles, {})).roles;
  }

  @Requires('roles:write')
  @Post()
  @Summary('Create a custom role')
  @ApiBodyFrom(createRole, { role: { summary: 'a role with a description', value: { name: 'Role1', description: 'may send orders' } } })
  @ApiJsonResponse(201, IdentityRpc.createRole.response, { description: 'the role', example: ex.role })
  @ApiErrors(ErrorCode.roleExists)
  create(@Body(new ZodBody(createRole)) body: typeof createRole._output): Promise<Role> {
    return this.rpc.request(IdentityRpc.createRole, body);
  }

  @Requires('roles:read')
  @Get(':name')
  @Summary('One role')
  @ApiJsonResponse(200, IdentityRpc.getRole.response, { description: 'the role', example: ex.role })
  @ApiErrors(ErrorCode.roleNotFound)
  get(@Param('name') name: string): Promise<Role> {
    return this.rpc.request(IdentityRpc.getRole, { name });
  }

  @Requires('roles:read')
  @Get(':name/json')
  @Summary('The role as instance parameters: {"roles":["name"]}')
  @ApiJsonResponse(200, roleAsParametersSchema, { description: 'ready to paste into instance parameters', example: { roles: ['Role1'] } })
  @ApiErrors(ErrorCode.roleNotFound)
  async json(@Param('name') name: string): Promise<{ roles: string[] }> {
    const role = await this.rpc.request(IdentityRpc.getRole, { name });
    return { roles: [role.name] };
  }

  @Requires('roles:write')
  @Delete(':name')
  @HttpCode(204)
  @Summary('Delete a custom role (409 for ESBMessaging.send, and while an instance, user or group holds it or a flow asks for it)')
  @ApiNoContentResponse('deleted')
  @ApiErrors(ErrorCode.roleNotFound, ErrorCode.rolePredefined, ErrorCode.roleInUse)
  async remove(@Param('name') name: string): Promise<void> {
    await this.rpc.request(IdentityRpc.deleteRole, { name });
  }
}
