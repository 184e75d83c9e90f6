import { z } from 'zod';
import { certificateInfoSchema, nameSchema } from '../common';

export const connectivityRequestSchema = z
  .object({
    host: z
      .string()
      .min(1, 'host is required')
      .max(253)
      .regex(/^[A-Za-z0-9.:_[\]-]+$/, 'host must be a host name or an IP address'),
    port: z.number({ error: 'port must be a number' }).int().min(1, 'port must be 1-65535').max(65535, 'port must be 1-65535'),
    /** Validate the server's chain and host name against the keystore's trusted certificates. */
    validateServerCertificate: z.boolean().default(true),
    /** Present this key pair's certificate chain as the client certificate. */
    keyAlias: nameSchema('keyAlias').optional(),
    /** SNI and the name checked against the certificate; defaults to `host`. */
    serverName: z.string().min(1).max(253).optional(),
    timeoutMs: z.number().int().min(100).max(30_000).default(5_000),
  })
  .strict();
export type ConnectivityRequest = z.infer<typeof connectivityRequestSchema>;

export const connectivityResultSchema = z.object({
  host: z.string(),
  port: z.number(),
  serverName: z.string(),
  /** e.g. `TLSv1.3` */
  protocol: z.string(),
  cipher: z.object({ name: z.string(), standardName: z.string().optional(), version: z.string().optional() }),
  /** Leaf first: the chain the server sent, completed with the root from the keystore's trusted certificates when OpenSSL found it there. */
  peerChain: z.array(certificateInfoSchema),
  clientAuthentication: z.object({
    /** null: the server speaks only TLS 1.3, where the request is encrypted and was not seen. */
    requested: z.boolean().nullable(),
    /** Distinguished names of the CAs the server accepts client certificates from (RFC 4514). */
    acceptedIssuers: z.array(z.string()).nullable(),
    /** The key pair presented, when one was. */
    presented: z.object({ alias: z.string(), subjectDN: z.string(), fingerprint: z.string() }).optional(),
    note: z.string().optional(),
  }),
  validation: z.object({
    performed: z.boolean(),
    /** The chain verifies up to a trusted certificate of the keystore and the host name matches. */
    valid: z.boolean().nullable(),
    chainTrusted: z.boolean().nullable(),
    hostnameMatches: z.boolean().nullable(),
    reason: z.string().optional(),
    message: z.string().optional(),
  }),
  durationMs: z.number(),
});
export type ConnectivityResult = z.infer<typeof connectivityResultSchema>;
