import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ClassicRpc, ErrorCode, userRolesSchema, type UserView } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, ApiNoContentResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

const createUser = ClassicRpc.createUser.request;

@AdminApi('classic mode: users')
@UseGuards(AdminTokenGuard)
@Controller('users')
export class UsersController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('classic:read')
  @Get()
  @Summary('List every user that has a mapping, direct roles or group membership')
  @ApiJsonResponse(200, ClassicRpc.listUsers.response.shape.users, { description: 'the users', example: [ex.user] })
  async list(): Promise<UserView[]> {
    return (await this.rpc.request(ClassicRpc.listUsers, {})).users;
  }

  @Requires('classic:write')
  @Post()
  @Summary('Create a user ahead of time (optional: a mapping, a group or a role assignment names users without it)')
  @ApiBodyFrom(createUser, { user: { summary: 'a user name as the user store has it', value: { name: 'john.doe@acme.com' } } })
  @ApiJsonResponse(201, ClassicRpc.createUser.response, {
    description: 'the user',
    example: { ...ex.user, roles: [], groups: [], effectiveRoles: [], mappings: [] },
  })
  @ApiErrors(ErrorCode.userExists)
  create(@Body(new ZodBody(createUser)) body: typeof createUser._output): Promise<UserView> {
    return this.rpc.request(ClassicRpc.createUser, body);
  }

  @Requires('classic:read')
  @Get(':user')
  @Summary('One user: direct roles, groups, effective roles and mappings')
  @ApiJsonResponse(200, ClassicRpc.getUser.response, { description: 'the user', example: ex.user })
  @ApiErrors(ErrorCode.userNotFound)
  get(@Param('user') name: string): Promise<UserView> {
    return this.rpc.request(ClassicRpc.getUser, { name });
  }

  @Requires('classic:write')
  @Put(':user/roles')
  @Summary("Replace the user's direct roles (unknown roles → 400); roles through groups stay")
  @ApiBodyFrom(userRolesSchema, { roles: { summary: 'the direct roles', value: { roles: ['Role1'] } } })
  @ApiJsonResponse(200, ClassicRpc.setUserRoles.response, { description: 'the user', example: ex.user })
  @ApiErrors(ErrorCode.roleUnknown, ErrorCode.concurrentChange)
  setRoles(@Param('user') name: string, @Body(new ZodBody(userRolesSchema)) body: typeof userRolesSchema._output): Promise<UserView> {
    return this.rpc.request(ClassicRpc.setUserRoles, { name, roles: body.roles });
  }

  @Requires('classic:write')
  @Delete(':user')
  @HttpCode(204)
  @Summary("Delete the user's record (direct roles); 409 while a mapping or group names the user")
  @ApiNoContentResponse('deleted')
  @ApiErrors(ErrorCode.userNotFound, ErrorCode.userInUse)
  async remove(@Param('user') name: string): Promise<void> {
    await this.rpc.request(ClassicRpc.deleteUser, { name });
  }
}
