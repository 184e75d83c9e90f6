import { Injectable } from '@nestjs/common';
import { ClassicRpc, type UserView } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { UsersService } from './users.service';

@Injectable()
export class UsersHandler {
  constructor(private readonly users: UsersService) {}

  @RpcHandler(ClassicRpc.listUsers)
  async list(): Promise<{ users: UserView[] }> {
    return { users: await this.users.list() };
  }

  @RpcHandler(ClassicRpc.createUser)
  create(body: { name: string }): Promise<UserView> {
    return this.users.create(body.name);
  }

  @RpcHandler(ClassicRpc.getUser)
  get(body: { name: string }): Promise<UserView> {
    return this.users.get(body.name);
  }

  @RpcHandler(ClassicRpc.setUserRoles)
  setRoles(body: { name: string; roles: string[] }): Promise<UserView> {
    return this.users.setRoles(body.name, body.roles);
  }

  @RpcHandler(ClassicRpc.deleteUser)
  delete(body: { name: string }): Promise<void> {
    return this.users.delete(body.name);
  }
}
