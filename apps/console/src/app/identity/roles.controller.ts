import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { IdentityRpc, type Role } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';

const createRole = IdentityRpc.createRole.request;

@AdminApi('roles')
@UseGuards(AdminTokenGuard)
@Controller('roles')
export class RolesController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get()
  @Summary('List user roles (the predefined ESBMessaging.send and custom ones)')
  @ApiResponseFrom(IdentityRpc.listRoles.response)
  async list(): Promise<Role[]> {
    return (await this.rpc.request(IdentityRpc.listRoles, {})).roles;
  }

  @Post()
  @Summary('Create a custom role')
  @ApiBodyFrom(createRole)
  @ApiResponseFrom(IdentityRpc.createRole.response)
  create(@Body(new ZodBody(createRole)) body: typeof createRole._output): Promise<Role> {
    return this.rpc.request(IdentityRpc.createRole, body);
  }

  @Get(':name')
  @Summary('One role')
  get(@Param('name') name: string): Promise<Role> {
    return this.rpc.request(IdentityRpc.getRole, { name });
  }

  @Get(':name/json')
  @Summary('The role as instance parameters: {"roles":["name"]}')
  async json(@Param('name') name: string): Promise<{ roles: string[] }> {
    const role = await this.rpc.request(IdentityRpc.getRole, { name });
    return { roles: [role.name] };
  }

  @Delete(':name')
  @HttpCode(204)
  @Summary('Delete a custom role (409 while an instance or flow uses it)')
  async remove(@Param('name') name: string): Promise<void> {
    await this.rpc.request(IdentityRpc.deleteRole, { name });
  }
}
