import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ClassicRpc, createGroupSchema, ErrorCode, updateGroupSchema, type Group } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiErrors, ApiJsonResponse, ApiNoContentResponse, Summary } from '../common/openapi';
import * as ex from '../common/openapi-examples';
import { ZodBody } from '../common/zod-body.pipe';
import { Requires } from '../common/requires.decorator';

@AdminApi('classic mode: groups')
@UseGuards(AdminTokenGuard)
@Controller('groups')
export class GroupsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Requires('classic:read')
  @Get()
  @Summary('List groups')
  @ApiJsonResponse(200, ClassicRpc.listGroups.response.shape.groups, { description: 'the groups', example: [ex.group] })
  async list(): Promise<Group[]> {
    return (await this.rpc.request(ClassicRpc.listGroups, {})).groups;
  }

  @Requires('classic:write')
  @Post()
  @Summary('Create a group: {"name", "roles": [...], "users": [...]}; its roles reach every user it lists')
  @ApiBodyFrom(createGroupSchema, {
    group: { summary: 'a group with a role and a member', value: { name: 'buyers', roles: ['Role1'], users: ['john.doe@acme.com'] } },
  })
  @ApiJsonResponse(201, ClassicRpc.createGroup.response, { description: 'the group', example: ex.group })
  @ApiErrors(ErrorCode.roleUnknown, ErrorCode.groupExists)
  create(@Body(new ZodBody(createGroupSchema)) body: typeof createGroupSchema._output): Promise<Group> {
    return this.rpc.request(ClassicRpc.createGroup, body);
  }

  @Requires('classic:read')
  @Get(':name')
  @Summary('One group')
  @ApiJsonResponse(200, ClassicRpc.getGroup.response, { description: 'the group', example: ex.group })
  @ApiErrors(ErrorCode.groupNotFound)
  get(@Param('name') name: string): Promise<Group> {
    return this.rpc.request(ClassicRpc.getGroup, { name });
  }

  @Requires('classic:write')
  @Put(':name')
  @Summary('Replace a group\'s roles and users: {"roles": [...], "users": [...]}')
  @ApiBodyFrom(updateGroupSchema, {
    members: { summary: 'new roles and members', value: { roles: ['Role1'], users: ['john.doe@acme.com', 'jane.roe@acme.com'] } },
  })
  @ApiJsonResponse(200, ClassicRpc.updateGroup.response, { description: 'the group', example: ex.group })
  @ApiErrors(ErrorCode.groupNotFound, ErrorCode.roleUnknown, ErrorCode.concurrentChange)
  update(@Param('name') name: string, @Body(new ZodBody(updateGroupSchema)) body: typeof updateGroupSchema._output): Promise<Group> {
    return this.rpc.request(ClassicRpc.updateGroup, { name, ...body });
  }

  @Requires('classic:write')
  @Delete(':name')
  @HttpCode(204)
  @Summary('Delete a group: its members lose its roles at once; the users themselves stay')
  @ApiNoContentResponse('deleted')
  @ApiErrors(ErrorCode.groupNotFound)
  async remove(@Param('name') name: string): Promise<void> {
    await this.rpc.request(ClassicRpc.deleteGroup, { name });
  }
}
