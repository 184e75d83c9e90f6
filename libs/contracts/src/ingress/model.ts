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
  /** SHA-256 of the DER, 64 lowercase hex digits: the `{sha256}` of DELETE /ingress/trusted-roots/{sha256}. */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** `api`: managed through the API (PUT/POST/DELETE /ingress/trusted-roots); `env`: INGRESS_CLIENT_ROOTS; `client-ca`: the tenant's own client CA. */
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
  /** Adds roots to the API-managed set (never drops one); `added`: the fingerprints that were not in it yet. */
  addTrustedRoots: rpcContract(
    'ingress.trusted-roots.add.v1',
    z.object({ certificates: pemSchema }).strict(),
    z.object({ roots: z.array(trustedRootViewSchema), added: z.array(z.string()) }),
  ),
  /** Removes one API-managed root by its SHA-256 fingerprint (hex; colons and case do not matter). */
  removeTrustedRoot: rpcContract(
    'ingress.trusted-roots.remove.v1',
    z.object({ sha256: z.string().min(1).max(200) }).strict(),
    z.object({ roots: z.array(trustedRootViewSchema) }),
  ),
  getServerChain: rpcContract('ingress.server-chain.get.v1', emptySchema, z.object({ pem: z.string() })),
} as const;
