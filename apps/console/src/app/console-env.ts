import { z } from 'zod';
import { baseEnvSchema, portSchema } from '@certgate/platform';

export const consoleEnvSchema = baseEnvSchema.extend({
  CONSOLE_PORT: portSchema.default(8080),
  CONSOLE_HOST: z.string().default('127.0.0.1'),
  /** Bearer token of the admin API; at least 16 characters so it cannot be guessed. */
  CERTGATE_ADMIN_TOKEN: z.string().min(16, 'CERTGATE_ADMIN_TOKEN must be at least 16 characters'),
});
export type ConsoleEnv = z.infer<typeof consoleEnvSchema>;
