import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, ClassicKv, ErrorCode, type StoredUser, type UserView } from '@certgate/contracts';
import { RolesService } from '../../roles/roles.service';
import { IdentityRecords } from '../../store/identity-records';
import { quoted, readClassicRecords, unique } from '../classic-records';
import { requireKnownRoles } from '../require-known-roles';
import { userView, userViews } from './user-views';

/**
 * Users of classic mode. A user exists as soon as a mapping, a group or a record of
 * direct roles names it; `POST /users` only writes an empty record ahead of time.
 */
@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly records: IdentityRecords,
    private readonly roles: RolesService,
  ) {}

  async list(): Promise<UserView[]> {
    return userViews(await readClassicRecords(this.records));
  }

  async get(name: string): Promise<UserView> {
    const view = userView(await readClassicRecords(this.records), name);
    if (!view) throw notFound(name);
    return view;
  }

  async create(name: string, now = new Date()): Promise<UserView> {
    const record: StoredUser = { name, roles: [], createdAt: now.toISOString(), updatedAt: now.toISOString() };
    if ((await this.records.users.create(ClassicKv.user(name), record)) === undefined) {
      throw new CertgateError(ErrorCode.userExists, `user '${name}' already exists`, { user: name });
    }
    this.logger.log({ msg: 'user created', user: name });
    return this.get(name);
  }

  /** Replaces the user's direct roles (creating its record if need be); roles through groups stay. */
  async setRoles(name: string, roles: readonly string[], now = new Date()): Promise<UserView> {
    const wanted = unique(roles);
    await requireKnownRoles(this.roles, wanted);
    await this.records.users.modify(
      ClassicKv.user(name),
      (current) => ({ name, roles: wanted, createdAt: current?.createdAt ?? now.toISOString(), updatedAt: now.toISOString() }),
      { what: `user '${name}'` },
    );
    this.logger.log({ msg: 'user roles set', user: name, roles: wanted });
    return this.get(name);
  }

  /** Removes the user's record (its direct roles); refused while a mapping or group still names the user. */
  async delete(name: string): Promise<void> {
    const view = await this.get(name);
    if (view.mappings.length || view.groups.length) {
      const parts: string[] = [];
      if (view.mappings.length) parts.push(`certificate mapping(s) ${quoted(view.mappings)} map to it`);
      if (view.groups.length) parts.push(`group(s) ${quoted(view.groups)} list it`);
      throw new CertgateError(ErrorCode.userInUse, `user '${name}' is in use and cannot be deleted: ${parts.join('; ')}. Remove them first`, {
        user: name,
        mappings: view.mappings,
        groups: view.groups,
      });
    }
    await this.records.users.delete(ClassicKv.user(name));
    this.logger.log({ msg: 'user deleted', user: name });
  }
}

function notFound(name: string): CertgateError {
  return new CertgateError(ErrorCode.userNotFound, `user '${name}' does not exist: no mapping, group or role assignment names it`, { user: name });
}
