import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, ErrorCode, IdentityKv, type InstanceParameters, type ServiceInstance, type ServiceKeyView } from '@certgate/contracts';
import { KeysService } from '../keys/keys.service';
import { RolesService } from '../roles/roles.service';
import { IdentityRecords } from '../store/identity-records';
import { requireKnownRoles } from '../classic/require-known-roles';
import { requireInstance } from './require-instance';

@Injectable()
export class InstancesService {
  private readonly logger = new Logger(InstancesService.name);

  constructor(
    private readonly records: IdentityRecords,
    private readonly roles: RolesService,
    private readonly keys: KeysService,
  ) {}

  async list(): Promise<ServiceInstance[]> {
    return (await this.records.instances.list(`${IdentityKv.prefixes.instance}>`)).map((s) => s.value);
  }

  async get(name: string): Promise<ServiceInstance & { keys: ServiceKeyView[] }> {
    const instance = await requireInstance(this.records, name);
    return { ...instance, keys: await this.keys.listOf(name) };
  }

  async create(name: string, parameters: InstanceParameters, now = new Date()): Promise<ServiceInstance> {
    await this.assertRolesExist(parameters.roles);
    const instance: ServiceInstance = { name, parameters, createdAt: now.toISOString() };
    if ((await this.records.instances.create(IdentityKv.instance(name), instance)) === undefined) {
      throw new CertgateError(ErrorCode.instanceExists, `service instance '${name}' already exists`, { instance: name });
    }
    this.logger.log({ msg: 'service instance created', instance: name, roles: parameters.roles, grantTypes: parameters['grant-types'] });
    return instance;
  }

  /** New roles and redirect URIs, in force on every runtime replica within a second; no key changes. */
  async update(name: string, parameters: InstanceParameters): Promise<ServiceInstance> {
    await this.assertRolesExist(parameters.roles);
    const updated = await this.records.instances.modify(
      IdentityKv.instance(name),
      (current) => {
        if (!current) return undefined; // nothing to update: 404 below
        const [was] = current.parameters['grant-types'];
        const [now] = parameters['grant-types'];
        if (was !== now) {
          throw new CertgateError(
            ErrorCode.grantTypeImmutable,
            `the grant type of '${name}' is ${was} and cannot change (its keys depend on it): create another instance`,
            { instance: name, field: 'parameters.grant-types', grantType: was },
          );
        }
        return { ...current, parameters };
      },
      { what: `service instance '${name}'` },
    );
    if (!updated) throw new CertgateError(ErrorCode.instanceNotFound, `service instance '${name}' does not exist`, { instance: name });
    this.logger.log({ msg: 'service instance updated', instance: name, roles: parameters.roles });
    return updated;
  }

  private async assertRolesExist(roles: string[]): Promise<void> {
    await requireKnownRoles(this.roles, roles, 'parameters.roles');
  }

  /** Keys (and their index entries) first: an interrupted delete leaves an instance with fewer keys, never orphaned keys. */
  async delete(name: string): Promise<void> {
    await requireInstance(this.records, name);
    await this.keys.deleteAllOf(name);
    await this.records.instances.delete(IdentityKv.instance(name));
    this.logger.log({ msg: 'service instance deleted', instance: name });
  }
}
