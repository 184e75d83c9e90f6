import { hostname } from 'node:os';
import { z } from 'zod';
import { DEFAULT_TENANT, TENANT_PATTERN } from '@certgate/contracts';

const port = z.coerce.number().int().min(0).max(65535);

/** Environment every service reads; apps extend it with their own variables. */
export const baseEnvSchema = z.object({
  /** One server, or every node of a cluster comma-separated (the client reconnects to any of them). */
  NATS_URL: z
    .string()
    .min(1)
    .refine((v) => v.split(',').every((u) => u.trim().length > 0), 'one URL or a comma-separated list of URLs without empty entries')
    .default('nats://127.0.0.1:4222'),
  NATS_USER: z.string().optional(),
  NATS_PASS: z.string().optional(),
  /** Replicas of every stream and KV bucket a service creates: 3 on a three-node NATS cluster (odd, at most 5). */
  CERTGATE_NATS_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  CERTGATE_TENANT: z.string().regex(TENANT_PATTERN, 'lowercase letters, digits and inner hyphens, at most 48').default(DEFAULT_TENANT),
  CERTGATE_NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9._-]+$/)
    .default(`${hostname()}-${process.pid}`),
  CERTGATE_DATA_DIR: z.string().default('.certgate/data'),
  CERTGATE_LOG_DIR: z.string().default('.certgate/logs'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  METRICS_PORT: port.optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
});
export type BaseEnv = z.infer<typeof baseEnvSchema>;
export { port as portSchema };

/**
 * Parses the environment, naming every bad variable at once so an operator fixes them
 * in one go. A variable set to the empty string counts as unset (`METRICS_PORT=` must
 * not become port 0).
 */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const set = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const result = schema.safeParse(set);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
  throw new Error(`invalid configuration: ${problems}`);
}
