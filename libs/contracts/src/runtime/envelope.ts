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

/** One inbound request, as the ingress forwards it after header hygiene. */
export const invokeRequestSchema = z.object({
  requestId: z.string(),
  nodeId: z.string(),
  method: z.string(),
  /** The flow address: the path below `/http`, e.g. `/orders`. */
  address: z.string(),
  query: z.string().default(''),
  headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
  bodyBase64: z.string().default(''),
  clientAddress: z.string(),
  tls: tlsClientSchema,
});
export type InvokeRequest = z.infer<typeof invokeRequestSchema>;

export const invokeResponseSchema = z.object({
  status: z.number().int(),
  headers: z.record(z.string(), z.string()).default({}),
  bodyBase64: z.string().default(''),
  /** Who the request ran as (service-key client id or user): the access log's `<who>`. */
  principal: z.string().optional(),
  /** Why a request was refused, for the trace log. */
  denial: z.object({ reason: z.string(), description: z.string() }).optional(),
});
export type InvokeResponse = z.infer<typeof invokeResponseSchema>;

export const RuntimeRpc = {
  invoke: rpcContract('runtime.invoke.v1', invokeRequestSchema, invokeResponseSchema),
} as const;
