import { z } from 'zod';
import { rpcContract } from './rpc';
import { Subjects } from './subjects';
import { SERVICE_NAMES, type ServiceName } from './services';

export const healthRequestSchema = z.object({}).strict();

export const healthReplySchema = z.object({
  service: z.enum(SERVICE_NAMES),
  nodeId: z.string(),
  status: z.enum(['up', 'degraded']),
  version: z.string(),
  startedAt: z.string(),
  uptimeSeconds: z.number().nonnegative(),
  checks: z.record(z.string(), z.object({ status: z.enum(['up', 'down']), message: z.string().optional() })),
});
export type HealthReply = z.infer<typeof healthReplySchema>;

export const healthContract = (service: ServiceName) => rpcContract(Subjects.health(service), healthRequestSchema, healthReplySchema);
export const healthDiscoverContract = rpcContract(Subjects.healthDiscover, healthRequestSchema, healthReplySchema);
