import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, ClassicKv, ErrorCode, type Group } from '@certgate/contracts';
import { RolesService } from '../../roles/roles.service';
import { IdentityRecords } from '../../store/identity-records';
import { readGroups, unique } from '../classic-records';
import { requireKnownRoles } from '../require-known-roles';

/** Groups of classic mode: a group's roles reach every user it lists (the users need not exist anywhere else). */
@Injectable()
export class GroupsService {
  private readonly logger = new Logger(GroupsService.name);

  constructor(
    private readonly records: IdentityRecords,
    private readonly roles: RolesService,
  ) {}

  list(): Promise<Group[]> {
    return readGroups(this.records);
  }

  async get(name: string): Promise<Group> {
    const stored = await this.records.groups.get(ClassicKv.group(name));
    if (!stored) throw notFound(name);
    return stored.value;
  }

  async create(name: string, roles: readonly string[], users: readonly string[], now = new Date()): Promise<Group> {
    const group: Group = { name, roles: unique(roles), users: unique(users), createdAt: now.toISOString(), updatedAt: now.toISOString() };
    await requireKnownRoles(this.roles, group.roles);
    if ((await this.records.groups.create(ClassicKv.group(name), group)) === undefined) {
      throw new CertgateError(ErrorCode.groupExists, `group '${name}' already exists`, { group: name });
    }
    this.logger.log({ msg: 'group created', group: name, roles: group.roles, users: group.users.length });
    return group;
  }

  /** Replaces roles and members; only an existing group (PUT never creates one, so a typo cannot). */
  async update(name: string, roles: readonly string[], users: readonly string[], now = new Date()): Promise<Group> {
    const wanted = { roles: unique(roles), users: unique(users) };
    await requireKnownRoles(this.roles, wanted.roles);
    // Nothing is written when the group is gone (never existed, or deleted meanwhile).
    const updated = await this.records.groups.modify(ClassicKv.group(name), (current) => current && { ...current, ...wanted, updatedAt: now.toISOString() }, {
      what: `group '${name}'`,
    });
    if (!updated) throw notFound(name);
    this.logger.log({ msg: 'group updated', group: name, roles: updated.roles, users: updated.users.length });
    return updated;
  }

  /** Its members lose the group's roles on every replica at once; the users themselves stay. */
  async delete(name: string): Promise<void> {
    await this.get(name);
    await this.records.groups.delete(ClassicKv.group(name));
    this.logger.log({ msg: 'group deleted', group: name });
  }
}

function notFound(name: string): CertgateError {
  return new CertgateError(ErrorCode.groupNotFound, `group '${name}' does not exist`, { group: name });
}
