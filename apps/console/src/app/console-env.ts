import { z } from 'zod';
import { baseEnvSchema, portSchema } from '@certgate/platform';

export const consoleEnvSchema = baseEnvSchema.extend({
  CONSOLE_PORT: portSchema.default(8080),
  CONSOLE_HOST: z.string().default('127.0.0.1'),
  /** Bearer token of the admin API; at least 16 characters so it cannot be guessed. */
  CERTGATE_ADMIN_TOKEN: z.string().min(16, 'CERTGATE_ADMIN_TOKEN must be at least 16 characters'),
  /**
   * `off`: the admin token is refused once an enabled operator with the admin role exists
   * (until then it still works, so a tenant cannot lock itself out).
   */
  CERTGATE_BOOTSTRAP_ADMIN: z.enum(['on', 'off']).default('on'),
  /**
   * The ingress base URL senders call, as service keys show it (`url` = `<base>/http`,
   * `tokenurl` = `<base>/oauth/token`). Default: `https://localhost:<INGRESS_PORT>`.
   */
  CERTGATE_PUBLIC_URL: z
    .string()
    .url('CERTGATE_PUBLIC_URL must be an absolute URL such as https://certgate.example.com')
    .refine((u) => /^https?:\/\//i.test(u), 'CERTGATE_PUBLIC_URL must be an http:// or https:// URL')
    .optional(),
  /** Only for the default of CERTGATE_PUBLIC_URL: the ingress' port when it runs beside the console. */
  INGRESS_PORT: portSchema.default(8443),
});
export type ConsoleEnv = z.infer<typeof consoleEnvSchema>;

/** The ingress base URL of service keys, without a trailing slash. */
export function publicBaseUrl(env: Pick<ConsoleEnv, 'CERTGATE_PUBLIC_URL' | 'INGRESS_PORT'>): string {
  return (env.CERTGATE_PUBLIC_URL ?? `https://localhost:${env.INGRESS_PORT}`).replace(/\/+$/, '');
}
