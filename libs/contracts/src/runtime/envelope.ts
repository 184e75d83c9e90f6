import { z } from 'zod';
import { rpcContract } from '../rpc';

/**
 * What the ingress knows about the client certificate of the connection. `verified`
 * is OpenSSL's verdict from the handshake against the trusted roots; a certificate
 * that failed carries the reason, and never counts as an identity.
 */
export const tlsClientSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('none') }),
  z.object({
    status: z.literal('verified'),
    fingerprint: z.string(),
    subjectDN: z.string(),
    issuerDN: z.string(),
    subjectCN: z.string().optional(),
    issuerCN: z.string().optional(),
  }),
  z.object({
    status: z.literal('rejected'),
    reason: z.string(),
    message: z.string(),
    fingerprint: z.string(),
    subjectDN: z.string(),
    issuerDN: z.string(),
  }),
]);
export type TlsClient = z.infer<typeof tlsClientSchema>;

/** A message body: bytes as received, framed after the JSON head on NATS (RpcContract.bytes). */
const bodySchema = z.instanceof(Buffer, { message: 'body must be bytes (a Buffer)' }).default(() => Buffer.alloc(0));

/** One inbound request, as the ingress forwards it after header hygiene. */
export const invokeRequestSchema = z.object({
  requestId: z.string(),
  nodeId: z.string(),
  method: z.string(),
  /** The flow address: the path below `/http`, e.g. `/orders`. */
  address: z.string(),
  query: z.string().default(''),
  headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  body: bodySchema,
  clientAddress: z.string(),
  tls: tlsClientSchema,
});
export type InvokeRequest = z.infer<typeof invokeRequestSchema>;

export const invokeResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()).default({}),
  body: bodySchema,
  /** Who the request ran as (service-key client id or user): the access log's `<who>`. */
  principal: z.string().optional(),
  /** Why a request was refused, for the trace log. */
  denial: z.object({ reason: z.string(), description: z.string() }).optional(),
});
export type InvokeResponse = z.infer<typeof invokeResponseSchema>;

/**
 * The envelope of the release before (the body as base64 in JSON), still answered by the flow
 * runtime so that ingress replicas of the release before keep working while a rolling
 * update replaces them (update the flow runtime first). Nothing sends it any more.
 */
export const invokeRequestV1Schema = invokeRequestSchema.omit({ body: true }).extend({ bodyBase64: z.string().default('') });
export const invokeResponseV1Schema = invokeResponseSchema.omit({ body: true }).extend({ bodyBase64: z.string() });
export type InvokeResponseV1 = z.infer<typeof invokeResponseV1Schema>;

export const RuntimeRpc = {
  /** @deprecated answered for a rolling update from the release before; remove in the next. */
  invokeV1: rpcContract('runtime.invoke.v1', invokeRequestV1Schema, invokeResponseV1Schema),
  /** v2: the body travels as bytes after a JSON head; v1 carried it base64 in JSON. */
  invoke: rpcContract('runtime.invoke.v2', invokeRequestSchema, invokeResponseSchema, { bytes: 'body' }),
} as const;
