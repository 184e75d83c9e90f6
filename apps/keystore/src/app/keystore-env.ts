import { z } from 'zod';
import { CLIENT_CA_ALIAS, DEFAULT_SYSTEM_KEY_ALIAS, NAME_PATTERN } from '@certgate/contracts';
import { baseEnvSchema } from '@certgate/platform';
import { ALERT_ENV_FIELDS } from './alerts/alert-env';
import { WebhookAllowList } from './alert-subscriptions/webhook-destination';

export const TENANT_PLANS = ['standard', 'trial'] as const;
export type TenantPlan = (typeof TENANT_PLANS)[number];

export const keystoreEnvSchema = baseEnvSchema.extend({
  /** Encrypts every private key in the keystore bucket; entries stored under one key cannot be read under another. */
  CERTGATE_MASTER_KEY: z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? 'is required: set it to a secret of at least 32 characters (it encrypts the private keys in the keystore; keep it, keys stored under it cannot be read without it)'
          : 'must be a string',
    })
    .min(32, 'must be at least 32 characters long (it encrypts the private keys in the keystore)'),
  /** Alias of the tenant system key pair; client-certificate authentication needs it present and unexpired. */
  CERTGATE_SYSTEM_KEY_ALIAS: z
    .string()
    .regex(NAME_PATTERN, "an alias is 1-64 letters, digits, '_' or '-'")
    .refine((alias) => alias !== CLIENT_CA_ALIAS, `'${CLIENT_CA_ALIAS}' is the alias of the tenant client CA; choose another`)
    .default(DEFAULT_SYSTEM_KEY_ALIAS),
  /**
   * The system key pair certgate provisioned renews itself this many days before it
   * expires (a new EC P-256 pair under the same alias, announced as a `renewed` alert).
   * At most 365: the pair lasts 730 days, so a renewed pair is never due at once.
   */
  CERTGATE_SYSTEM_KEY_RENEW_BEFORE_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  /**
   * The tenant client CA certgate provisioned renews itself this many days before it
   * expires (a new CA key; the old CA stays trusted until it expires). It lasts 3650 days,
   * and a certificate it issues never outlives it, so a year ahead keeps issued
   * certificates from being cut short.
   */
  CERTGATE_CLIENT_CA_RENEW_BEFORE_DAYS: z.coerce.number().int().min(1).max(1825).default(365),
  /** How often each replica checks whether the system key pair or the client CA is due (tests shorten it). */
  CERTGATE_SYSTEM_KEY_RENEW_CHECK_SECONDS: z.coerce.number().int().min(1).max(86_400).default(3600),
  /** `trial` tenants get no system key pair, so only basic/OAuth authentication works there (design §4). */
  CERTGATE_TENANT_PLAN: z.enum(TENANT_PLANS, { error: 'must be standard or trial' }).default('standard'),
  /** Lifetime of the OAuth access tokens the keystore signs; a signing key stays published this long (plus the margin) after a rotation. */
  CERTGATE_OAUTH_TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1 second')
    .max(86_400, 'must be at most 86400 seconds (one day)')
    .default(3600),
  /** Extra time a replaced signing key stays published: clock skew and the moment a replica still signs with the key another one just replaced. */
  CERTGATE_OAUTH_KEY_RETENTION_MARGIN_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
  ...ALERT_ENV_FIELDS,
  /** Webhook retries wait base, 2×base, 4×base … up to the max (ms); tests shorten the base. */
  CERTGATE_ALERT_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(60_000).default(1000),
  CERTGATE_ALERT_WEBHOOK_RETRY_MAX_MS: z.coerce.number().int().min(1).max(3_600_000).default(300_000),
  /** A webhook receiver that has not answered in this time counts as a failed attempt. */
  CERTGATE_ALERT_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * Webhook destinations allowed despite the policy that refuses loopback, private,
   * link-local, metadata … addresses: comma-separated CIDRs, addresses and host names
   * (`10.20.0.0/16,hooks.internal,*.corp.example`). Empty: public addresses only.
   */
  CERTGATE_ALERT_WEBHOOK_ALLOW: z
    .string()
    .default('')
    .superRefine((text, ctx) => {
      try {
        WebhookAllowList.parse(text);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
});
export type KeystoreEnv = z.infer<typeof keystoreEnvSchema>;
