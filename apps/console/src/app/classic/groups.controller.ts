import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ClassicRpc, createGroupSchema, updateGroupSchema, type Group } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { AdminTokenGuard } from '../common/admin-token.guard';
import { AdminApi, ApiBodyFrom, ApiResponseFrom, Summary } from '../common/openapi';
import { ZodBody } from '../common/zod-body.pipe';

@AdminApi('classic mode: groups')
@UseGuards(AdminTokenGuard)
@Controller('groups')
export class GroupsController {
  constructor(private readonly rpc: CertgateClient) {}

  @Get()
  @Summary('List groups')
  @ApiResponseFrom(ClassicRpc.listGroups.response)
  async list(): Promise<Group[]> {
    return (await this.rpc.request(ClassicRpc.listGroups, {})).groups;
  }

  @Post()
  @Summary('Create a group: {"name", "roles": [...], "users": [...]}; its roles reach every user it lists')
  @ApiBodyFrom(createGroupSchema)
  @ApiResponseFrom(ClassicRpc.createGroup.response)
  create(@Body(new ZodBody(createGroupSchema)) body: typeof createGroupSchema._output): Promise<Group> {
    return this.rpc.request(ClassicRpc.createGroup, body);
  }

  @Get(':name')
  @Summary('One group')
  @ApiResponseFrom(ClassicRpc.getGroup.response)
  get(@Param('name') name: string): Promise<Group> {
    return this.rpc.request(ClassicRpc.getGroup, { name });
  }

  @Put(':name')
  @Summary('Replace a group\'s roles and users: {"roles": [...], "users": [...]}')
  @ApiBodyFrom(updateGroupSchema)
  @ApiResponseFrom(ClassicRpc.updateGroup.response)
  update(@Param('name') name: string, @Body(new ZodBody(updateGroupSchema)) body: typeof updateGroupSchema._output): Promise<Group> {
    return this.rpc.request(ClassicRpc.updateGroup, { name, ...body });
  }

  @Delete(':name')
  @HttpCode(204)
  @Summary('Delete a group: its members lose its roles at once; the users themselves stay')
  async remove(@Param('name') name: string): Promise<void> {
    await this.rpc.request(ClassicRpc.deleteGroup, { name });
  }
}
