import { z } from 'zod';
import { emptySchema, nameSchema, roleNameSchema, voidSchema } from '../common';
import { rpcContract } from '../rpc';
import { createdServiceKeySchema, createServiceKeySchema, instanceParametersSchema, roleSchema, serviceInstanceSchema, serviceKeyViewSchema } from './model';

const instanceRef = z.object({ instance: nameSchema('an instance name') });
const keyRef = instanceRef.extend({ key: nameSchema('a key name') });

export const IdentityRpc = {
  listRoles: rpcContract('identity.roles.list.v1', emptySchema, z.object({ roles: z.array(roleSchema) })),
  createRole: rpcContract('identity.roles.create.v1', z.object({ name: roleNameSchema, description: z.string().max(512).optional() }).strict(), roleSchema),
  getRole: rpcContract('identity.roles.get.v1', z.object({ name: roleNameSchema }), roleSchema),
  deleteRole: rpcContract('identity.roles.delete.v1', z.object({ name: roleNameSchema }), voidSchema),

  listInstances: rpcContract('identity.instances.list.v1', emptySchema, z.object({ instances: z.array(serviceInstanceSchema) })),
  createInstance: rpcContract(
    'identity.instances.create.v1',
    z.object({ name: nameSchema('an instance name'), parameters: instanceParametersSchema }).strict(),
    serviceInstanceSchema,
  ),
  /** Replaces roles and redirect URIs; the grant type is fixed at creation (keys depend on it). */
  updateInstance: rpcContract('identity.instances.update.v1', instanceRef.extend({ parameters: instanceParametersSchema }).strict(), serviceInstanceSchema),
  getInstance: rpcContract('identity.instances.get.v1', instanceRef, serviceInstanceSchema.extend({ keys: z.array(serviceKeyViewSchema) })),
  deleteInstance: rpcContract('identity.instances.delete.v1', instanceRef, voidSchema),

  listKeys: rpcContract('identity.keys.list.v1', instanceRef, z.object({ keys: z.array(serviceKeyViewSchema) })),
  createKey: rpcContract('identity.keys.create.v1', instanceRef.extend({ body: createServiceKeySchema }), createdServiceKeySchema),
  getKey: rpcContract('identity.keys.get.v1', keyRef, serviceKeyViewSchema),
  deleteKey: rpcContract('identity.keys.delete.v1', keyRef, voidSchema),
} as const;
