import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CertgateError, ErrorCode, FlowsKv, IdentityKv, PREDEFINED_ROLE, type Role } from '@certgate/contracts';
import { readGroups, readUsers } from '../classic/classic-records';
import { FlowRecords } from '../store/flow-records';
import { IdentityRecords } from '../store/identity-records';
import { describeRoleUsage, roleInUse, roleUsage } from './role-usage';

const PREDEFINED_DESCRIPTION = 'Predefined role: senders holding it may call flows whose sender channel asks for it';

@Injectable()
export class RolesService implements OnModuleInit {
  private readonly logger = new Logger(RolesService.name);

  constructor(
    private readonly records: IdentityRecords,
    private readonly flows: FlowRecords,
  ) {}

  /** Every replica makes sure the predefined role exists; `create` keeps the first one written. */
  async onModuleInit(): Promise<void> {
    const created = await this.records.roles.create(IdentityKv.role(PREDEFINED_ROLE), {
      name: PREDEFINED_ROLE,
      description: PREDEFINED_DESCRIPTION,
      predefined: true,
      createdAt: new Date().toISOString(),
    });
    if (created !== undefined) this.logger.log({ msg: 'predefined role created', role: PREDEFINED_ROLE });
  }

  async list(): Promise<Role[]> {
    return (await this.records.roles.list(`${IdentityKv.prefixes.role}>`)).map((s) => s.value);
  }

  async get(name: string): Promise<Role> {
    const stored = await this.records.roles.get(IdentityKv.role(name));
    if (!stored) throw new CertgateError(ErrorCode.roleNotFound, `role '${name}' does not exist`, { role: name });
    return stored.value;
  }

  async create(name: string, description = '', now = new Date()): Promise<Role> {
    const role: Role = { name, description, predefined: false, createdAt: now.toISOString() };
    if ((await this.records.roles.create(IdentityKv.role(name), role)) === undefined) {
      throw new CertgateError(ErrorCode.roleExists, `role '${name}' already exists`, { role: name });
    }
    this.logger.log({ msg: 'role created', role: name });
    return role;
  }

  async delete(name: string): Promise<void> {
    const role = await this.get(name);
    if (role.predefined || name === PREDEFINED_ROLE) {
      throw new CertgateError(ErrorCode.rolePredefined, `'${name}' is the predefined role and cannot be deleted`, { role: name });
    }
    const [instances, flows, users, groups] = await Promise.all([
      this.records.instances.list(`${IdentityKv.prefixes.instance}>`),
      this.flows.flows.list(`${FlowsKv.prefix}>`),
      readUsers(this.records),
      readGroups(this.records),
    ]);
    const usage = roleUsage(
      name,
      instances.map((s) => s.value),
      flows,
      { users, groups },
    );
    if (roleInUse(usage)) {
      throw new CertgateError(ErrorCode.roleInUse, describeRoleUsage(name, usage), { role: name, ...usage });
    }
    await this.records.roles.delete(IdentityKv.role(name));
    this.logger.log({ msg: 'role deleted', role: name });
  }

  /** The names among `names` that are not roles. */
  async unknown(names: readonly string[]): Promise<string[]> {
    const missing: string[] = [];
    for (const name of new Set(names)) if (!(await this.records.roles.get(IdentityKv.role(name)))) missing.push(name);
    return missing;
  }
}
