import { Injectable } from '@nestjs/common';
import { ClassicRpc, type Group } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { GroupsService } from './groups.service';

@Injectable()
export class GroupsHandler {
  constructor(private readonly groups: GroupsService) {}

  @RpcHandler(ClassicRpc.listGroups)
  async list(): Promise<{ groups: Group[] }> {
    return { groups: await this.groups.list() };
  }

  @RpcHandler(ClassicRpc.createGroup)
  create(body: { name: string; roles: string[]; users: string[] }): Promise<Group> {
    return this.groups.create(body.name, body.roles, body.users);
  }

  @RpcHandler(ClassicRpc.getGroup)
  get(body: { name: string }): Promise<Group> {
    return this.groups.get(body.name);
  }

  @RpcHandler(ClassicRpc.updateGroup)
  update(body: { name: string; roles: string[]; users: string[] }): Promise<Group> {
    return this.groups.update(body.name, body.roles, body.users);
  }

  @RpcHandler(ClassicRpc.deleteGroup)
  delete(body: { name: string }): Promise<void> {
    return this.groups.delete(body.name);
  }
}
