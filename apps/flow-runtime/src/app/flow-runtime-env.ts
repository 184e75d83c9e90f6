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
  /**
   * Whole receiver call: key material, connection, TLS, answer. Below the ingress' wait
   * for the runtime (INGRESS_RUNTIME_TIMEOUT_MS, 10 s), so a slow receiver is a 502
   * naming it rather than the ingress' 503.
   */
  RUNTIME_RECEIVER_TIMEOUT_MS: z.coerce.number().int().min(100, 'must be at least 100 ms').max(600_000, 'must be at most 600000 ms').default(8_000),
  /** Largest receiver answer relayed (as INGRESS_MAX_BODY_BYTES); also kept below what one NATS message can carry. */
  RUNTIME_RECEIVER_MAX_BODY_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
});
export type FlowRuntimeEnv = z.infer<typeof flowRuntimeEnvSchema>;
