import { z } from 'zod';
import { OPERATOR_ROLES } from './permissions';

/** An operator's name: also a KV key token, so no dots or spaces. */
export const operatorNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_@-]{0,63}$/, "an operator name must be 1-64 letters, digits, '_', '@' or '-', starting with a letter or digit");

export const operatorRoleSchema = z.enum(OPERATOR_ROLES);

export const operatorSchema = z.object({
  name: operatorNameSchema,
  roles: z.array(operatorRoleSchema).min(1),
  enabled: z.boolean(),
  createdAt: z.string(),
});
export type Operator = z.infer<typeof operatorSchema>;

export const createOperatorSchema = z
  .object({
    name: operatorNameSchema,
    roles: z.array(operatorRoleSchema).min(1, 'an operator needs at least one role'),
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateOperator = z.input<typeof createOperatorSchema>;

export const updateOperatorSchema = z
  .object({ roles: z.array(operatorRoleSchema).min(1, 'an operator needs at least one role').optional(), enabled: z.boolean().optional() })
  .strict();
export type UpdateOperator = z.infer<typeof updateOperatorSchema>;

/** An API token as shown: never its secret, which exists only in the answer that made it. */
export const apiTokenViewSchema = z.object({
  id: z.string(),
  operator: operatorNameSchema,
  description: z.string().optional(),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().optional(),
  revokedAt: z.string().optional(),
});
export type ApiTokenView = z.infer<typeof apiTokenViewSchema>;

/** As kept in the operators bucket: the view plus the SHA-256 of the secret part. */
export const storedApiTokenSchema = apiTokenViewSchema.extend({ secretSha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type StoredApiToken = z.infer<typeof storedApiTokenSchema>;

const MAX_TOKEN_DAYS = 366;

export const createApiTokenSchema = z
  .object({
    description: z.string().max(256).optional(),
    /** Lifetime in days (default 90); or `expiresAt`, an ISO 8601 time within a year. */
    expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).optional(),
    expiresAt: z.iso
      .datetime({ offset: true, message: 'expiresAt must be an ISO 8601 date-time' })
      .refine((t) => Date.parse(t) > Date.now(), 'expiresAt must be in the future')
      .refine((t) => Date.parse(t) <= Date.now() + MAX_TOKEN_DAYS * 86_400_000, `expiresAt must be within ${MAX_TOKEN_DAYS} days`)
      .optional(),
  })
  .strict()
  .refine((b) => !(b.expiresInDays !== undefined && b.expiresAt !== undefined), 'give expiresInDays or expiresAt, not both');
export type CreateApiToken = z.infer<typeof createApiTokenSchema>;

/** The answer that makes a token: the token itself, shown this once. */
export const createdApiTokenSchema = apiTokenViewSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof createdApiTokenSchema>;

/**
 * `cgt.<tenant>.<id>.<secret>`: the tenant lets a console refuse a token of another
 * tenant by name, the id finds its record, only the secret's hash is stored.
 */
export const API_TOKEN_PREFIX = 'cgt';
export function formatApiToken(tenant: string, id: string, secret: string): string {
  return `${API_TOKEN_PREFIX}.${tenant}.${id}.${secret}`;
}
export function parseApiToken(token: string): { tenant: string; id: string; secret: string } | undefined {
  const m = /^cgt\.([a-z0-9-]{1,48})\.([0-9a-f]{16})\.([A-Za-z0-9_-]{32,128})$/.exec(token);
  return m ? { tenant: m[1], id: m[2], secret: m[3] } : undefined;
}

/** Key layout of the operators bucket. */
export const OperatorsKv = {
  operator: (name: string) => `operator.${name}`,
  token: (id: string) => `token.${id}`,
  session: (id: string) => `session.${id}`,
  prefixes: { operator: 'operator.', token: 'token.', session: 'session.' },
} as const;
