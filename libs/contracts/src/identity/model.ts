import { z } from 'zod';
import { certificateInfoSchema, nameSchema, pemSchema, roleNameSchema } from '../common';

export const PREDEFINED_ROLE = 'ESBMessaging.send';
export const GRANT_TYPES = ['client_x509', 'client_credentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

export const roleSchema = z.object({
  name: roleNameSchema,
  description: z.string().max(512).default(''),
  predefined: z.boolean(),
  createdAt: z.string(),
});
export type Role = z.infer<typeof roleSchema>;

/** `{"roles": [...], "grant-types": [one of GRANT_TYPES], "redirect-uris": []}` (design §4). */
export const instanceParametersSchema = z
  .object({
    roles: z.array(roleNameSchema).default([]),
    'grant-types': z.array(z.string()).superRefine((types, ctx) => {
      const unknown = types.filter((t) => !(GRANT_TYPES as readonly string[]).includes(t));
      if (unknown.length)
        ctx.addIssue({ code: 'custom', message: `unknown grant type ${unknown.map((t) => `'${t}'`).join(', ')}: use client_x509 or client_credentials` });
      else if (types.length !== 1)
        ctx.addIssue({ code: 'custom', message: `exactly one grant type is allowed (client_x509 or client_credentials), got ${types.length}` });
    }),
    'redirect-uris': z.array(z.string().url()).default([]),
  })
  .strict();
export type InstanceParameters = z.infer<typeof instanceParametersSchema>;

export const serviceInstanceSchema = z.object({
  name: nameSchema('an instance name'),
  parameters: instanceParametersSchema,
  createdAt: z.string(),
});
export type ServiceInstance = z.infer<typeof serviceInstanceSchema>;

export const SERVICE_KEY_TYPES = ['external-certificate', 'certificate', 'client-secret'] as const;
export type ServiceKeyType = (typeof SERVICE_KEY_TYPES)[number];

/** A service key as stored in the identity bucket (a secret only as its hash). */
export const storedServiceKeySchema = z.object({
  instance: z.string(),
  name: z.string(),
  type: z.enum(SERVICE_KEY_TYPES),
  clientid: z.string(),
  certificate: certificateInfoSchema.optional(),
  /** SHA-256 (hex) of a random 256-bit secret: a slow hash adds nothing for such secrets. */
  secretHash: z.string().optional(),
  createdAt: z.string(),
});
export type StoredServiceKey = z.infer<typeof storedServiceKeySchema>;

/** The key as the API shows it: never the secret hash. */
export const serviceKeyViewSchema = storedServiceKeySchema.omit({ secretHash: true });
export type ServiceKeyView = z.infer<typeof serviceKeyViewSchema>;

export const createServiceKeySchema = z.discriminatedUnion('type', [
  z.object({ name: nameSchema('a key name'), type: z.literal('external-certificate'), certificate: pemSchema }).strict(),
  z
    .object({
      name: nameSchema('a key name'),
      type: z.literal('certificate'),
      validityDays: z.number().int().min(1).max(3650).default(365),
      keyType: z.enum(['EC', 'RSA']).default('EC'),
    })
    .strict(),
  z.object({ name: nameSchema('a key name'), type: z.literal('client-secret') }).strict(),
]);
export type CreateServiceKey = z.input<typeof createServiceKeySchema>;

/** Returned once at creation: the generated secret or private key is never shown again. */
export const createdServiceKeySchema = serviceKeyViewSchema.extend({
  clientsecret: z.string().optional(),
  key: z.string().optional(),
});
export type CreatedServiceKey = z.infer<typeof createdServiceKeySchema>;

/** Value of `cert.<sha256>`: which key holds a certificate (written with kv.create). */
export const certIndexSchema = z.object({ instance: z.string(), key: z.string() });
export type CertIndex = z.infer<typeof certIndexSchema>;

/** Key layout of the identity bucket; other services' caches watch it. */
export const IdentityKv = {
  role: (name: string) => `role.${name}`,
  instance: (name: string) => `instance.${name}`,
  key: (instance: string, key: string) => `key.${instance}.${key}`,
  keysOf: (instance: string) => `key.${instance}.*`,
  certIndex: (fingerprint: string) => `cert.${fingerprint}`,
  prefixes: { role: 'role.', instance: 'instance.', key: 'key.', certIndex: 'cert.' },
} as const;

export const clientIdOf = (instance: string, key: string) => `sb-${instance}!${key}`;
