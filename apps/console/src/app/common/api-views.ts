import { z } from 'zod';
import {
  accessLogRecordSchema,
  createdServiceKeySchema,
  healthReplySchema,
  IdentityRpc,
  mplRecordSchema,
  roleNameSchema,
  SERVICE_NAMES,
  serviceKeyViewSchema,
  traceLogRecordSchema,
} from '@certgate/contracts';

/*
 * What the console answers where it adds to a service's reply: the contracts' schemas,
 * extended. The controllers return these shapes and the OpenAPI document describes them
 * from here, so the two cannot part.
 */

/** What a sender needs besides its credential, as a hosted tenant's service-key JSON carries it. */
export const keyEndpointsSchema = z.object({
  url: z.string().describe('where senders call flows: `<CERTGATE_PUBLIC_URL>/http`'),
  tokenurl: z.string().describe('the OAuth token endpoint: `<CERTGATE_PUBLIC_URL>/oauth/token`'),
});
export type KeyEndpoints = z.infer<typeof keyEndpointsSchema>;

/** A service key as the API shows it (list, get, the keys of an instance): never a secret or private key. */
export const serviceKeyApiSchema = serviceKeyViewSchema.extend(keyEndpointsSchema.shape);
/** The answer of a key's creation: a generated private key (`key`) or client secret (`clientsecret`) only here. */
export const createdServiceKeyApiSchema = createdServiceKeySchema.extend(keyEndpointsSchema.shape);
/** One instance with its keys. */
export const instanceWithKeysApiSchema = IdentityRpc.getInstance.response.extend({ keys: z.array(serviceKeyApiSchema) });

/** `GET /roles/{name}/json`: the role as instance parameters. */
export const roleAsParametersSchema = z.object({ roles: z.array(roleNameSchema) });

const healthStatusSchema = z.enum(['up', 'degraded', 'down']);
/** `GET /health`: every replica of every service, gathered over NATS. */
export const systemHealthSchema = z.object({
  status: healthStatusSchema.describe('`up` when every service has a healthy replica, `down` when one has none'),
  services: z.record(z.enum(SERVICE_NAMES), z.object({ status: healthStatusSchema, replicas: z.array(healthReplySchema) })),
  checkedAt: z.string(),
});
export type SystemHealth = z.infer<typeof systemHealthSchema>;
export type ServiceHealth = SystemHealth['services'][keyof SystemHealth['services']];

/** Every log record as the API answers it: with its stream sequence. */
const seq = { seq: z.number().int().describe('stream sequence of the record: `?after=<seq>` answers the records after it') };
export const accessLogPageSchema = z.array(accessLogRecordSchema.extend(seq));
export const traceLogPageSchema = z.array(traceLogRecordSchema.extend(seq));
export const messageLogPageSchema = z.array(mplRecordSchema.extend(seq));
