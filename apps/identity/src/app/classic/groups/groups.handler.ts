import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ClassicRpc, type Group } from '@certgate/contracts';
import { GroupsService } from './groups.service';

@Controller()
export class GroupsHandler {
  constructor(private readonly groups: GroupsService) {}

  @MessagePattern(ClassicRpc.listGroups)
  async list(): Promise<{ groups: Group[] }> {
    return { groups: await this.groups.list() };
  }

  @MessagePattern(ClassicRpc.createGroup)
  create(body: { name: string; roles: string[]; users: string[] }): Promise<Group> {
    return this.groups.create(body.name, body.roles, body.users);
  }

  @MessagePattern(ClassicRpc.getGroup)
  get(body: { name: string }): Promise<Group> {
    return this.groups.get(body.name);
  }

  @MessagePattern(ClassicRpc.updateGroup)
  update(body: { name: string; roles: string[]; users: string[] }): Promise<Group> {
    return this.groups.update(body.name, body.roles, body.users);
  }

  @MessagePattern(ClassicRpc.deleteGroup)
  delete(body: { name: string }): Promise<void> {
    return this.groups.delete(body.name);
  }
}
