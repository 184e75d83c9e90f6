import { z } from 'zod';
import { CLIENT_CA_ALIAS, DEFAULT_SYSTEM_KEY_ALIAS, NAME_PATTERN } from '@certgate/contracts';
import { baseEnvSchema } from '@certgate/platform';

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
  /** `trial` tenants get no system key pair, so only basic/OAuth authentication works there (design §4). */
  CERTGATE_TENANT_PLAN: z.enum(TENANT_PLANS, { error: 'must be standard or trial' }).default('standard'),
});
export type KeystoreEnv = z.infer<typeof keystoreEnvSchema>;
