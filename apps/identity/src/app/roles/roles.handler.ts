import { Controller } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { IdentityRpc, type Role } from '@certgate/contracts';
import { RolesService } from './roles.service';

@Controller()
export class RolesHandler {
  constructor(private readonly roles: RolesService) {}

  @MessagePattern(IdentityRpc.listRoles)
  async list(): Promise<{ roles: Role[] }> {
    return { roles: await this.roles.list() };
  }

  @MessagePattern(IdentityRpc.createRole)
  create(body: { name: string; description?: string }): Promise<Role> {
    return this.roles.create(body.name, body.description);
  }

  @MessagePattern(IdentityRpc.getRole)
  get(body: { name: string }): Promise<Role> {
    return this.roles.get(body.name);
  }

  @MessagePattern(IdentityRpc.deleteRole)
  delete(body: { name: string }): Promise<void> {
    return this.roles.delete(body.name);
  }
}
