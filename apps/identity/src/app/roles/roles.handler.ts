import { Injectable } from '@nestjs/common';
import { IdentityRpc, type Role } from '@certgate/contracts';
import { RpcHandler } from '@certgate/messaging';
import { RolesService } from './roles.service';

@Injectable()
export class RolesHandler {
  constructor(private readonly roles: RolesService) {}

  @RpcHandler(IdentityRpc.listRoles)
  async list(): Promise<{ roles: Role[] }> {
    return { roles: await this.roles.list() };
  }

  @RpcHandler(IdentityRpc.createRole)
  create(body: { name: string; description?: string }): Promise<Role> {
    return this.roles.create(body.name, body.description);
  }

  @RpcHandler(IdentityRpc.getRole)
  get(body: { name: string }): Promise<Role> {
    return this.roles.get(body.name);
  }

  @RpcHandler(IdentityRpc.deleteRole)
  delete(body: { name: string }): Promise<void> {
    return this.roles.delete(body.name);
  }
}
