import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ClassicRpc, userRolesSchema, type UserView } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';

const createUser = ClassicRpc.createUser.request;

@AdminApi('classic mode: users')
@UseGuards(AdminTokenGuard)
@Controller('users')
export class UsersController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get()
  @Summary('List every user that has a mapping, direct roles or group membership')
  @ApiResponseFrom(ClassicRpc.listUsers.response)
  async list(): Promise<UserView[]> {
    return (await this.rpc.request(ClassicRpc.listUsers, {})).users;
  }

  @Post()
  @Summary('Create a user ahead of time (optional: a mapping, a group or a role assignment names users without it)')
  @ApiBodyFrom(createUser)
  @ApiResponseFrom(ClassicRpc.createUser.response)
  create(@Body(new ZodBody(createUser)) body: typeof createUser._output): Promise<UserView> {
    return this.rpc.request(ClassicRpc.createUser, body);
  }

  @Get(':user')
  @Summary('One user: direct roles, groups, effective roles and mappings')
  @ApiResponseFrom(ClassicRpc.getUser.response)
  get(@Param('user') name: string): Promise<UserView> {
    return this.rpc.request(ClassicRpc.getUser, { name });
  }

  @Put(':user/roles')
  @Summary("Replace the user's direct roles (unknown roles → 400); roles through groups stay")
  @ApiBodyFrom(userRolesSchema)
  @ApiResponseFrom(ClassicRpc.setUserRoles.response)
  setRoles(@Param('user') name: string, @Body(new ZodBody(userRolesSchema)) body: typeof userRolesSchema._output): Promise<UserView> {
    return this.rpc.request(ClassicRpc.setUserRoles, { name, roles: body.roles });
  }

  @Delete(':user')
  @HttpCode(204)
  @Summary("Delete the user's record (direct roles); 409 while a mapping or group names the user")
  async remove(@Param('user') name: string): Promise<void> {
    await this.rpc.request(ClassicRpc.deleteUser, { name });
  }
}
