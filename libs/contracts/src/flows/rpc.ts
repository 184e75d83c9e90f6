import { z } from 'zod';
import { emptySchema, nameSchema, voidSchema } from '../common';
import { rpcContract } from '../rpc';
import { deployedFlowSchema, flowDefinitionSchema } from './model';

export const FlowsRpc = {
  list: rpcContract('runtime.flows.list.v1', emptySchema, z.object({ flows: z.array(deployedFlowSchema) })),
  get: rpcContract('runtime.flows.get.v1', z.object({ id: nameSchema('a flow id') }), deployedFlowSchema),
  /** Deploys or redeploys; the id in the path must match the body's. */
  put: rpcContract('runtime.flows.put.v1', z.object({ id: nameSchema('a flow id'), definition: flowDefinitionSchema }), deployedFlowSchema),
  delete: rpcContract('runtime.flows.delete.v1', z.object({ id: nameSchema('a flow id') }), voidSchema),
} as const;
