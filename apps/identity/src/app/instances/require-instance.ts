import { CertgateError, ErrorCode, IdentityKv, serviceInstanceSchema, type ServiceInstance } from '@certgate/contracts';
import type { IdentityStore } from '../store/identity-store';

export async function findInstance(store: IdentityStore, name: string): Promise<ServiceInstance | undefined> {
  return (await store.get(IdentityKv.instance(name), serviceInstanceSchema))?.value;
}

export async function requireInstance(store: IdentityStore, name: string): Promise<ServiceInstance> {
  const instance = await findInstance(store, name);
  if (!instance) throw new CertgateError(ErrorCode.notFound, `service instance '${name}' does not exist`, { instance: name });
  return instance;
}
