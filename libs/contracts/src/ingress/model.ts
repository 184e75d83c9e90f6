import { z } from 'zod';
import { emptySchema, pemSchema } from '../common';
import { rpcContract } from '../rpc';

/** The trusted client roots managed through the API (ingress bucket, key `trusted-roots`). */
export const trustedRootsSchema = z.object({
  pems: z.array(z.string()),
  updatedAt: z.string(),
});
export type TrustedRoots = z.infer<typeof trustedRootsSchema>;

export const IngressKv = { trustedRoots: 'trusted-roots' } as const;

export const trustedRootViewSchema = z.object({
  subjectDN: z.string(),
  fingerprint: z.string(),
  notAfter: z.string(),
  /** `api`: managed through PUT /ingress/trusted-roots; `env`: INGRESS_CLIENT_ROOTS; `client-ca`: the tenant's own client CA. */
  source: z.enum(['api', 'env', 'client-ca']),
  pem: z.string(),
});

export const IngressRpc = {
  getTrustedRoots: rpcContract('ingress.trusted-roots.get.v1', emptySchema, z.object({ roots: z.array(trustedRootViewSchema) })),
  putTrustedRoots: rpcContract(
    'ingress.trusted-roots.put.v1',
    z.object({ certificates: pemSchema }).strict(),
    z.object({ roots: z.array(trustedRootViewSchema) }),
  ),
  getServerChain: rpcContract('ingress.server-chain.get.v1', emptySchema, z.object({ pem: z.string() })),
} as const;
