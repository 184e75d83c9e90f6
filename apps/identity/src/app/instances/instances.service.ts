import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, ErrorCode, IdentityKv, serviceInstanceSchema, type InstanceParameters, type ServiceInstance, type ServiceKeyView } from '@certgate/contracts';
import { KeysService } from '../keys/keys.service';
import { RolesService } from '../roles/roles.service';
import { IdentityStore } from '../store/identity-store';
import { requireInstance } from './require-instance';

@Injectable()
export class InstancesService {
  private readonly logger = new Logger(InstancesService.name);

  constructor(
    private readonly store: IdentityStore,
    private readonly roles: RolesService,
    private readonly keys: KeysService,
  ) {}

  async list(): Promise<ServiceInstance[]> {
    return (await this.store.list(`${IdentityKv.prefixes.instance}>`, serviceInstanceSchema)).map((s) => s.value);
  }

  async get(name: string): Promise<ServiceInstance & { keys: ServiceKeyView[] }> {
    const instance = await requireInstance(this.store, name);
    return { ...instance, keys: await this.keys.listOf(name) };
  }

  async create(name: string, parameters: InstanceParameters, now = new Date()): Promise<ServiceInstance> {
    const unknown = await this.roles.unknown(parameters.roles);
    if (unknown.length) {
      throw new CertgateError(
        ErrorCode.badRequest,
        `parameters.roles: unknown role${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `'${r}'`).join(', ')}: create ${unknown.length > 1 ? 'them' : 'it'} first (POST /roles)`,
        { roles: unknown },
      );
    }
    const instance: ServiceInstance = { name, parameters, createdAt: now.toISOString() };
    if ((await this.store.create(IdentityKv.instance(name), serviceInstanceSchema, instance)) === undefined) {
      throw new CertgateError(ErrorCode.conflict, `service instance '${name}' already exists`, { instance: name });
    }
    this.logger.log({ msg: 'service instance created', instance: name, roles: parameters.roles, grantTypes: parameters['grant-types'] });
    return instance;
  }

  /** Keys (and their index entries) first: an interrupted delete leaves an instance with fewer keys, never orphaned keys. */
  async delete(name: string): Promise<void> {
    await requireInstance(this.store, name);
    await this.keys.deleteAllOf(name);
    await this.store.delete(IdentityKv.instance(name));
    this.logger.log({ msg: 'service instance deleted', instance: name });
  }
}
