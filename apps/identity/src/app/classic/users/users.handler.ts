import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { ClassicRpc, type UserView } from '@certgate/contracts';
import { UsersService } from './users.service';

@Controller()
export class UsersHandler {
  constructor(private readonly users: UsersService) {}

  @MessagePattern(ClassicRpc.listUsers)
  async list(): Promise<{ users: UserView[] }> {
    return { users: await this.users.list() };
  }

  @MessagePattern(ClassicRpc.createUser)
  create(body: { name: string }): Promise<UserView> {
    return this.users.create(body.name);
  }

  @MessagePattern(ClassicRpc.getUser)
  get(body: { name: string }): Promise<UserView> {
    return this.users.get(body.name);
  }

  @MessagePattern(ClassicRpc.setUserRoles)
  setRoles(body: { name: string; roles: string[] }): Promise<UserView> {
    return this.users.setRoles(body.name, body.roles);
  }

  @MessagePattern(ClassicRpc.deleteUser)
  delete(body: { name: string }): Promise<void> {
    return this.users.delete(body.name);
  }
}
