import { z } from 'zod';
import { MAX_SESSION_SECONDS } from '@certgate/contracts';
import { baseEnvSchema, portSchema } from '@certgate/platform';

export const consoleEnvSchema = baseEnvSchema
  .extend({
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
    /** How long the AUDIT stream keeps a record (days). */
    CERTGATE_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
    /** The AUDIT stream's size cap: past it the oldest records go first (and `audit verify` reports where the chain now starts). */
    CERTGATE_AUDIT_MAX_BYTES: z.coerce.number().int().min(1_048_576).default(1_073_741_824),
    /** Only for the default of CERTGATE_PUBLIC_URL: the ingress' port when it runs beside the console. */
    INGRESS_PORT: portSchema.default(8443),
    /** How long a web console sign-in lasts, absolute (docs/operators.md, "Web console sign-in"); fractions allowed. */
    CERTGATE_SESSION_HOURS: z.coerce
      .number()
      .positive('CERTGATE_SESSION_HOURS must be more than 0')
      .max(MAX_SESSION_SECONDS / 3600, `CERTGATE_SESSION_HOURS must be at most ${MAX_SESSION_SECONDS / 3600}`)
      .default(8),
    /** OpenID Connect single sign-on for the web console: on when the issuer is set. */
    CERTGATE_OIDC_ISSUER: z.url('CERTGATE_OIDC_ISSUER must be the issuer URL, such as https://keycloak.example.com/realms/certgate').optional(),
    CERTGATE_OIDC_CLIENT_ID: z.string().min(1).optional(),
    /** Unset: a public client (PKCE only). */
    CERTGATE_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** Default: `http://<CONSOLE_HOST>:<CONSOLE_PORT>/api/v1/auth/oidc/callback` ({@link oidcRedirectUrl}). */
    CERTGATE_OIDC_REDIRECT_URL: z.url('CERTGATE_OIDC_REDIRECT_URL must be an absolute URL ending in /api/v1/auth/oidc/callback').optional(),
    /** Claim with the certgate roles: an array or a space-separated string; unknown names are ignored. */
    CERTGATE_OIDC_ROLES_CLAIM: z.string().min(1).default('certgate_roles'),
    /** Claim that names the person (falls back to `sub`). */
    CERTGATE_OIDC_NAME_CLAIM: z.string().min(1).default('preferred_username'),
    CERTGATE_OIDC_SCOPES: z.string().min(1).default('openid profile'),
    /** Text of the sign-in page's button. */
    CERTGATE_OIDC_LABEL: z.string().min(1).max(64).default('Single sign-on'),
  })
  .refine((env) => !env.CERTGATE_OIDC_ISSUER || env.CERTGATE_OIDC_CLIENT_ID, {
    message: 'CERTGATE_OIDC_CLIENT_ID must be set when CERTGATE_OIDC_ISSUER is',
    path: ['CERTGATE_OIDC_CLIENT_ID'],
  });
export type ConsoleEnv = z.infer<typeof consoleEnvSchema>;

/** Where the identity provider sends the browser back to after single sign-on. */
export function oidcRedirectUrl(env: Pick<ConsoleEnv, 'CERTGATE_OIDC_REDIRECT_URL' | 'CONSOLE_HOST' | 'CONSOLE_PORT'>): string {
  return env.CERTGATE_OIDC_REDIRECT_URL ?? `http://${env.CONSOLE_HOST}:${env.CONSOLE_PORT}/api/v1/auth/oidc/callback`;
}

/** The ingress base URL of service keys, without a trailing slash. */
export function publicBaseUrl(env: Pick<ConsoleEnv, 'CERTGATE_PUBLIC_URL' | 'INGRESS_PORT'>): string {
  return (env.CERTGATE_PUBLIC_URL ?? `https://localhost:${env.INGRESS_PORT}`).replace(/\/+$/, '');
}
