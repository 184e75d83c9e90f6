import { CertgateError, ErrorCode, IdentityKv, type ServiceInstance } from '@certgate/contracts';
import type { IdentityRecords } from '../store/identity-records';

export async function findInstance(records: IdentityRecords, name: string): Promise<ServiceInstance | undefined> {
  return (await records.instances.get(IdentityKv.instance(name)))?.value;
}

export async function requireInstance(records: IdentityRecords, name: string): Promise<ServiceInstance> {
  const instance = await findInstance(records, name);
  if (!instance) throw new CertgateError(ErrorCode.instanceNotFound, `service instance '${name}' does not exist`, { instance: name });
  return instance;
}
