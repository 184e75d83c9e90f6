import { z } from 'zod';
import { baseEnvSchema, portSchema } from '@certgate/platform';

const list = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

export const ingressEnvSchema = baseEnvSchema.extend({
  INGRESS_PORT: portSchema.default(8443),
  INGRESS_HOST: z.string().default('127.0.0.1'),
  /** PEM text or a file path; both or neither with INGRESS_SERVER_CHAIN. */
  INGRESS_SERVER_KEY: z.string().optional(),
  INGRESS_SERVER_KEY_PASSPHRASE: z.string().optional(),
  /** PEM text or a file path: server certificate first, then intermediates. */
  INGRESS_SERVER_CHAIN: z.string().optional(),
  /** Extra names for the dev server certificate besides localhost and 127.0.0.1. */
  INGRESS_HOSTNAMES: list,
  /** PEM bundle text or a file path: the trusted client roots (self-signed CAs only). */
  INGRESS_CLIENT_ROOTS: z.string().optional(),
  /** `optional`: a bad or missing certificate goes on without identity; `required`: the handshake is refused. */
  INGRESS_CLIENT_CERT: z.enum(['optional', 'required']).default('optional'),
  /** Encrypts the dev PKI's private keys at rest. */
  CERTGATE_MASTER_KEY: z.string().min(32, 'CERTGATE_MASTER_KEY must be at least 32 characters').optional(),
});
export type IngressEnv = z.infer<typeof ingressEnvSchema>;
