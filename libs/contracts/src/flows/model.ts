import { z } from 'zod';
import { nameSchema, pemSchema, roleNameSchema } from '../common';

export const certificateMatcherInputSchema = z.union([
  z.object({ pem: pemSchema }).strict(),
  z.object({ subjectDN: z.string().min(1), issuerDN: z.string().min(1) }).strict(),
]);

export const senderAuthorizationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('role'), role: roleNameSchema }).strict(),
  z.object({ type: z.literal('client-certificate'), certificates: z.array(certificateMatcherInputSchema).min(1, 'list at least one certificate') }).strict(),
]);
export type SenderAuthorization = z.infer<typeof senderAuthorizationSchema>;

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/, 'not a valid HTTP header name');

export const flowStepSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('respond'),
      status: z.number().int().min(200).max(599),
      body: z
        .string()
        .max(1024 * 1024)
        .default(''),
      headers: z.record(headerName, z.string()).optional(),
    })
    .strict(),
  z.object({ type: z.literal('set-header'), name: headerName, value: z.string().max(8192) }).strict(),
  z.object({ type: z.literal('echo') }).strict(),
]);
export type FlowStep = z.infer<typeof flowStepSchema>;

export const ADDRESS_PATTERN = /^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/;

export const flowDefinitionSchema = z
  .object({
    id: nameSchema('a flow id'),
    sender: z
      .object({
        address: z.string().regex(ADDRESS_PATTERN, "an address is a path such as '/orders' or '/orders/v2'"),
        authorization: senderAuthorizationSchema,
      })
      .strict(),
    steps: z.array(flowStepSchema).max(50).default([]),
    receiver: z
      .object({
        url: z.string().url(),
        authentication: z.discriminatedUnion('type', [
          z.object({ type: z.literal('client-certificate'), privateKeyAlias: nameSchema('an alias').optional() }).strict(),
          z.object({ type: z.literal('none') }).strict(),
        ]),
      })
      .strict()
      .optional(),
  })
  .strict();
export type FlowDefinition = z.infer<typeof flowDefinitionSchema>;

/** A certificate entry of a client-certificate channel, resolved once at deployment. */
export const certificateMatcherSchema = z.union([
  z.object({ fingerprint: z.string(), subjectDN: z.string(), issuerDN: z.string(), notAfter: z.string() }),
  z.object({ normalizedSubjectDN: z.string(), normalizedIssuerDN: z.string(), subjectDN: z.string(), issuerDN: z.string() }),
]);
export type CertificateMatcher = z.infer<typeof certificateMatcherSchema>;

/** A deployed flow as stored in the flows bucket: what every runtime replica serves. */
export const deployedFlowSchema = z.object({
  definition: flowDefinitionSchema,
  certificateMatchers: z.array(certificateMatcherSchema).default([]),
  deployedAt: z.string(),
  revision: z.number().int().optional(),
});
export type DeployedFlow = z.infer<typeof deployedFlowSchema>;

export const FlowsKv = {
  flow: (id: string) => `flow.${id}`,
  prefix: 'flow.',
} as const;
