import { z } from 'zod';
import { DEFAULT_SYSTEM_KEY_ALIAS, NAME_PATTERN } from '@certgate/contracts';
import { baseEnvSchema } from '@certgate/platform';

export const flowRuntimeEnvSchema = baseEnvSchema.extend({
  /** `classic`: certificate-to-user mappings instead of service keys (design §4). */
  CERTGATE_MODE: z.enum(['standard', 'classic']).default('standard'),
  /** The tenant system key pair that certificate authentication as a whole depends on. */
  CERTGATE_SYSTEM_KEY_ALIAS: z.string().regex(NAME_PATTERN, "an alias is 1-64 letters, digits, '_' or '-'").default(DEFAULT_SYSTEM_KEY_ALIAS),
  /** Clock skew tolerated on a Bearer token's `exp` and `nbf`. */
  CERTGATE_OAUTH_CLOCK_LEEWAY_SECONDS: z.coerce.number().int().min(0).max(300, 'must be at most 300 seconds').default(30),
});
export type FlowRuntimeEnv = z.infer<typeof flowRuntimeEnvSchema>;
