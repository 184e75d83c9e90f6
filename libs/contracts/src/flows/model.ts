import { z } from 'zod';
import { nameSchema, pemSchema, roleNameSchema } from '../common';
import { LIMITS } from '../limits';

const dnText = (what: string) => z.string().min(1, `${what} is empty`).max(LIMITS.dnChars, `${what} is longer than ${LIMITS.dnChars} characters`);

export const certificateMatcherInputSchema = z.union([
  z.object({ pem: pemSchema }).strict(),
  z.object({ subjectDN: dnText('subjectDN'), issuerDN: dnText('issuerDN') }).strict(),
]);

export const senderAuthorizationSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('role'), role: roleNameSchema }).strict(),
  z
    .object({
      type: z.literal('client-certificate'),
      certificates: z
        .array(certificateMatcherInputSchema)
        .min(1, 'list at least one certificate')
        .max(LIMITS.flowCertificates, `a flow lists at most ${LIMITS.flowCertificates} certificates`),
    })
    .strict(),
]);
export type SenderAuthorization = z.infer<typeof senderAuthorizationSchema>;

/** A header value template: no CR, LF or other control character (a tab is fine), so nothing is changed at send time. */
const headerValue = z
  .string()
  .max(LIMITS.headerValueChars, `a header value is at most ${LIMITS.headerValueChars} characters`)
  // A regex, not a refine, so the pattern reaches the OpenAPI document and the config schema; matching control characters is its purpose.
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\x00-\x08\x0a-\x1f\x7f]*$/, 'a header value may not contain CR, LF or other control characters');

const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}$/, 'not a valid HTTP header name');

export const flowStepSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('respond'),
      status: z.number().int().min(200).max(599),
      body: z.string().max(LIMITS.templateChars, `a respond body is at most ${LIMITS.templateChars} characters`).default(''),
      headers: z
        .record(headerName, headerValue)
        .refine((h) => Object.keys(h).length <= LIMITS.headersPerStep, `a respond step sets at most ${LIMITS.headersPerStep} headers`)
        .optional(),
    })
    .strict(),
  z.object({ type: z.literal('set-header'), name: headerName, value: headerValue }).strict(),
  z.object({ type: z.literal('echo') }).strict(),
]);
export type FlowStep = z.infer<typeof flowStepSchema>;

export const ADDRESS_PATTERN = /^\/[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/;

/**
 * A sender address, one way only: the ingress matches the path as sent, so `/a/../b`,
 * `/./a` or `/a//b` would name a flow no sender reaches the same way twice (and
 * proxies normalize them differently). `%` is not among the characters, so an encoded
 * slash (`%2F`) cannot hide a segment.
 */
export const addressSchema = z
  .string()
  .max(LIMITS.addressChars, `an address is at most ${LIMITS.addressChars} characters`)
  .superRefine((a, ctx) => {
    const segments = a.split('/').slice(1);
    const problem = !a.startsWith('/')
      ? "an address starts with '/'"
      : segments.some((s) => s === '')
        ? "an address has no empty segments ('//' or a trailing '/')"
        : segments.some((s) => s === '.' || s === '..')
          ? "an address has no '.' or '..' segments: give the path itself"
          : /%/.test(a)
            ? "an address has no percent-encoding ('%2F' and the like): use the characters themselves"
            : !ADDRESS_PATTERN.test(a)
              ? "an address is a path such as '/orders' or '/orders/v2': letters, digits, '.', '_', '~' and '-' between '/'"
              : segments.length > LIMITS.addressSegments
                ? `an address has at most ${LIMITS.addressSegments} segments`
                : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const flowDefinitionSchema = z
  .object({
    id: nameSchema('a flow id'),
    sender: z
      .object({
        address: addressSchema,
        authorization: senderAuthorizationSchema,
      })
      .strict(),
    steps: z.array(flowStepSchema).max(LIMITS.steps, `a flow has at most ${LIMITS.steps} steps`).default([]),
    receiver: z
      .object({
        url: z.string().max(LIMITS.urlChars, `a receiver URL is at most ${LIMITS.urlChars} characters`).url(),
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
  z.object({
    normalizedSubjectDN: z.string(),
    normalizedIssuerDN: z.string(),
    /** The same DNs read in the other order (an entry written as `openssl x509 -subject` prints it); absent in flows deployed before. */
    normalizedSubjectDNReversed: z.string().optional(),
    normalizedIssuerDNReversed: z.string().optional(),
    subjectDN: z.string(),
    issuerDN: z.string(),
  }),
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
