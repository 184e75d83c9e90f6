import { z } from 'zod';
import { alertSubscriptionBodySchema, certificateSourceSchema } from '../alerts/model';
import { nameSchema, pemSchema, roleNameSchema } from '../common';
import { flowDefinitionSchema } from '../flows/model';
import { groupNameSchema, userNameSchema } from '../identity/classic';
import { hostNameSchema, hostSettingsSchema, rootPolicySchema } from '../ingress/model';
import { instanceParametersSchema } from '../identity/model';
import { withKeySpec } from '../keystore/model';

/*
 * The declarative tenant configuration (issue 16): one file that `certgate export`
 * writes and `certgate diff` / `certgate apply` read. It lists what an operator
 * configures, never what the server generates (dates, fingerprints, revisions, serial
 * numbers) and never a secret (private key, client secret, token, webhook secret).
 *
 * Every list of `spec` is optional: a list left out is not managed by the file (apply
 * neither changes nor prunes what the tenant has of it); a list written, even empty,
 * is the whole truth for that kind of object. `certgate export` writes every list.
 */

/** `apiVersion` of this shape; a later incompatible shape gets `certgate/v2`, so a file says which one it is. */
export const TENANT_CONFIGURATION_API_VERSION = 'certgate/v1';
export const TENANT_CONFIGURATION_KIND = 'TenantConfiguration';

/** Name of an environment variable (POSIX portable: letters, digits, `_`, not starting with a digit). */
export const ENV_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/;

const certificate = (what: string) => pemSchema.describe(`${what}: one PEM certificate`);

export const configTrustedRootSchema = z
  .object({
    pem: certificate('a self-signed CA certificate the ingress trusts for client certificates'),
    policy: rootPolicySchema
      .optional()
      .describe("The root's own policy (EKU, revocation by CRL); omitted: the default (require-clientAuth, no revocation checking)"),
  })
  .strict()
  .describe(
    'A client root managed through the API (not INGRESS_CLIENT_ROOTS, not the tenant client CA); identified by the SHA-256 fingerprint of its certificate',
  );

export const configIngressHostSchema = hostSettingsSchema
  .extend({ hostName: hostNameSchema.describe('The host name senders reach by SNI: exact, or *.parent for every name one label below') })
  .strict()
  .describe(
    'An ingress host name with settings of its own (custom domains): which trusted roots count there (their SHA-256 fingerprints) and whether a client certificate is required; identified by its host name',
  );

export const configRoleSchema = z
  .object({
    name: roleNameSchema,
    description: z.string().max(512).optional(),
  })
  .strict()
  .describe('A custom role (the predefined ESBMessaging.send is never listed)');

export const configServiceKeySchema = z
  .object({
    name: nameSchema('a key name'),
    type: z.literal('external-certificate'),
    certificate: certificate('the client certificate of the key (a leaf, not a CA)'),
  })
  .strict()
  .describe('A key whose certificate the sender brought; generated keys (certificate, client-secret) hold secrets and are never listed');

export const configServiceInstanceSchema = z
  .object({
    name: nameSchema('an instance name'),
    parameters: instanceParametersSchema,
    keys: z.array(configServiceKeySchema).optional().describe("The instance's external-certificate keys; left out: its keys are not managed"),
  })
  .strict();

export const configUserSchema = z
  .object({ name: userNameSchema, roles: z.array(roleNameSchema).max(256).default([]).describe('Roles held directly (not through groups)') })
  .strict();
export const configGroupSchema = z
  .object({ name: groupNameSchema, roles: z.array(roleNameSchema).max(256).default([]), users: z.array(userNameSchema).max(10_000).default([]) })
  .strict();
export const configMappingSchema = z
  .object({ user: userNameSchema, certificate: certificate('the client certificate mapped to the user (a leaf, not a CA)') })
  .strict()
  .describe('A certificate-to-user mapping of classic mode; identified by the SHA-256 fingerprint of its certificate');

export const configClassicSchema = z
  .object({
    users: z.array(configUserSchema).optional(),
    groups: z.array(configGroupSchema).optional(),
    mappings: z.array(configMappingSchema).optional(),
  })
  .strict()
  .describe('Classic mode (CERTGATE_MODE=classic): users, groups and certificate-to-user mappings');

export const configTrustedCertificateSchema = z
  .object({ alias: nameSchema('an alias'), certificate: certificate('the trusted certificate') })
  .strict()
  .describe('A trusted certificate of the keystore (e.g. the root of a receiver)');

export const configKeyPairSchema = withKeySpec({
  alias: nameSchema('an alias'),
  subjectDN: z.string().min(1, 'subjectDN is required, e.g. "CN=my-tenant, O=Example"'),
}).describe(
  'A tenant key pair, as metadata only: apply generates a new self-signed pair where the alias is missing; the private key and an imported chain never leave the keystore',
);

export const configKeystoreSchema = z
  .object({
    trustedCertificates: z.array(configTrustedCertificateSchema).optional(),
    keyPairs: z.array(configKeyPairSchema).optional(),
  })
  .strict()
  .describe('Tenant-owned keystore entries (the system key pair and the client CA are not listed)');

export const configMuteSchema = z.object({ source: certificateSourceSchema, reason: z.string().max(512).optional() }).strict();

export const configSubscriptionSchema = alertSubscriptionBodySchema
  .omit({ secret: true })
  .extend({
    secretEnv: z
      .string()
      .regex(ENV_NAME_PATTERN, 'secretEnv names an environment variable: letters, digits and _, not starting with a digit')
      .describe('Environment variable that holds the webhook secret when apply creates the subscription (the secret is never in the file)'),
  })
  .strict()
  .describe('A webhook subscription to expiry alerts; identified by its url');

export const configAlertsSchema = z
  .object({
    mutes: z.array(configMuteSchema).optional(),
    subscriptions: z.array(configSubscriptionSchema).optional(),
  })
  .strict();

export const tenantConfigurationSpecSchema = z
  .object({
    trustedRoots: z.array(configTrustedRootSchema).optional(),
    ingressHosts: z.array(configIngressHostSchema).optional(),
    roles: z.array(configRoleSchema).optional(),
    serviceInstances: z.array(configServiceInstanceSchema).optional(),
    flows: z.array(flowDefinitionSchema).optional().describe('Flow definitions exactly as PUT /flows/{id} takes them'),
    classic: configClassicSchema.optional(),
    keystore: configKeystoreSchema.optional(),
    alerts: configAlertsSchema.optional(),
  })
  .strict();

export const tenantConfigurationSchema = z
  .object({
    apiVersion: z.literal(TENANT_CONFIGURATION_API_VERSION, { error: `apiVersion must be '${TENANT_CONFIGURATION_API_VERSION}'` }),
    kind: z.literal(TENANT_CONFIGURATION_KIND, { error: `kind must be '${TENANT_CONFIGURATION_KIND}'` }),
    spec: tenantConfigurationSpecSchema,
  })
  .strict()
  .meta({
    title: 'certgate tenant configuration',
    description:
      'What certgate export writes and certgate diff/apply read: the configuration of one tenant, without generated fields or secrets. A list left out of spec is not managed by the file.',
  });

/** The file as written (defaults not applied yet). */
export type TenantConfigurationInput = z.input<typeof tenantConfigurationSchema>;
/** The file once parsed (defaults applied). */
export type TenantConfiguration = z.output<typeof tenantConfigurationSchema>;
export type TenantConfigurationSpec = TenantConfiguration['spec'];
export type ConfigKeyPair = z.output<typeof configKeyPairSchema>;
export type ConfigSubscription = z.output<typeof configSubscriptionSchema>;

/** The JSON Schema of the file (draft 2020-12), as GET /api/v1/config/schema serves it and docs/config/certgate-config.schema.json holds it. */
export function tenantConfigurationJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(tenantConfigurationSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
