import { createHash } from 'node:crypto';
import { z } from 'zod';
import { emptySchema, pemSchema } from '../common';
import { LIMITS } from '../limits';
import { rpcContract } from '../rpc';

/** The trusted client roots managed through the API (ingress bucket, key `trusted-roots`). */
export const trustedRootsSchema = z.object({
  pems: z.array(z.string()),
  updatedAt: z.string(),
});
export type TrustedRoots = z.infer<typeof trustedRootsSchema>;

/**
 * What a trusted root demands of the chains below it, beyond the certificate policy
 * (docs/certificate-policy.md, "Per-root policy").
 */
export const rootPolicySchema = z
  .object({
    /** `require-clientAuth`: a sender's certificate must list clientAuth in its extended key usage; `allow-missing-eku`: one without the extension is admitted (RFC 5280), and counted. */
    eku: z.enum(['require-clientAuth', 'allow-missing-eku']).default('require-clientAuth'),
    /** Revocation checking of every certificate below this root; null: none. */
    revocation: z
      .object({
        /** CRLs to fetch (http or https), of this root or of CAs below it. */
        crlUrls: z
          .array(
            z
              .string()
              .max(LIMITS.urlChars, `a CRL URL is at most ${LIMITS.urlChars} characters`)
              .url()
              .refine((u) => /^https?:\/\//i.test(u), 'a CRL URL must be http or https'),
          )
          .max(LIMITS.crlUrlsPerRoot, `at most ${LIMITS.crlUrlsPerRoot} CRL URLs per root`)
          .default([]),
        /** Also fetch the CRL distribution points the certificates of a chain name. */
        distributionPoints: z.boolean().default(true),
        /** Where no current CRL speaks for a certificate, ask the OCSP responder it names (authority information access). */
        ocsp: z.boolean().default(false),
        /** No current CRL for a certificate: refuse it (`fail-closed`), or admit it with a warning and a metric (`fail-open`). */
        onUnavailable: z.enum(['fail-closed', 'fail-open']).default('fail-closed'),
      })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type RootPolicy = z.infer<typeof rootPolicySchema>;
export const DEFAULT_ROOT_POLICY: RootPolicy = { eku: 'require-clientAuth', revocation: null };

const fingerprintSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** The per-root policies (ingress bucket, key `root-policies`), by root SHA-256 fingerprint; `refreshRequestedAt` moves when an operator asks every replica to fetch its CRLs again. */
export const rootPoliciesSchema = z.object({
  policies: z.record(fingerprintSchema, rootPolicySchema),
  refreshRequestedAt: z.string().optional(),
  updatedAt: z.string(),
});
export type RootPolicies = z.infer<typeof rootPoliciesSchema>;

export const IngressKv = {
  trustedRoots: 'trusted-roots',
  rootPolicies: 'root-policies',
  serverIdentity: 'server-identity',
  hosts: 'hosts',
  ticketEpoch: 'tls-ticket-epoch',
  /** `tls-issuer.<name key>.<fingerprint>`: the issuing CAs of admitted chains (every replica's). */
  issuers: 'tls-issuer.>',
} as const;

/** The key of an issuing CA certificate in the ingress bucket: its subject's digest first, so the issuers of one name can be listed. */
export function ingressIssuerKey(subjectDN: string, fingerprint: string): string {
  return `tls-issuer.${ingressIssuerNameKey(subjectDN)}.${fingerprint}`;
}
export function ingressIssuerNameKey(subjectDN: string): string {
  return createHash('sha256').update(subjectDN, 'utf8').digest('hex').slice(0, 32);
}

/**
 * The epoch of the TLS session ticket key (ingress bucket, key `tls-ticket-epoch`). Every
 * replica derives the key from CERTGATE_MASTER_KEY, this nonce and the trusted roots in
 * force, so a ticket resumes on any replica and nothing secret is stored.
 */
export const storedTicketEpochSchema = z.object({ nonce: z.string().regex(/^[A-Za-z0-9_-]{22}$/), createdAt: z.string() });
export type StoredTicketEpoch = z.infer<typeof storedTicketEpochSchema>;

/** An issuing CA certificate of a chain a replica admitted: what a session resumed elsewhere (a ticket holds the leaf only) is judged with. */
export const storedIssuerSchema = z.object({ pem: z.string(), storedAt: z.string() });
export type StoredIssuer = z.infer<typeof storedIssuerSchema>;

/** An ingress host name a sender reaches by SNI: `orders.acme.example`, or `*.acme.example` for every name one label below. */
export const HOST_NAME_PATTERN = /^(\*\.)?(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;
export const hostNameSchema = z
  .string()
  .transform((h) => h.toLowerCase())
  .refine((h) => HOST_NAME_PATTERN.test(h), 'a host name is a DNS name (letters, digits, hyphens, dots), optionally starting with *. for one label');

/** What one ingress host name demands of its senders (docs/certificate-policy.md, "Custom domains"). */
export const hostSettingsSchema = z
  .object({
    /** `required`: a connection to this host name without a verified client certificate is closed; `optional`: it goes on without identity. Omitted: INGRESS_CLIENT_CERT. */
    clientCert: z.enum(['optional', 'required']).optional(),
    /** The trusted roots (SHA-256 fingerprints) whose senders this host name accepts; omitted: every trusted root. */
    roots: z
      .array(z.string().regex(/^[0-9a-f]{64}$/, 'a root is named by its SHA-256 fingerprint (64 lowercase hex digits)'))
      .max(LIMITS.trustedRoots)
      .optional(),
  })
  .strict();
export type HostSettings = z.infer<typeof hostSettingsSchema>;

export const storedHostsSchema = z.object({ hosts: z.record(z.string(), hostSettingsSchema), updatedAt: z.string() });
export type StoredHosts = z.infer<typeof storedHostsSchema>;

export const hostViewSchema = hostSettingsSchema.extend({ hostName: z.string() });
export type HostView = z.infer<typeof hostViewSchema>;

/** The server key and chain set through the API (ingress bucket, key `server-identity`); the key is encrypted under CERTGATE_MASTER_KEY. */
export const storedServerIdentitySchema = z.object({
  chainPem: z.string(),
  encryptedKeyPem: z.string(),
  updatedAt: z.string(),
});
export type StoredServerIdentity = z.infer<typeof storedServerIdentitySchema>;

/** The ingress' server certificate in force and where it comes from. */
export const serverIdentityViewSchema = z.object({
  /** `api`: set with PUT /ingress/server-chain; `files`: INGRESS_SERVER_KEY/_CHAIN; `dev`: the dev PKI the ingress made itself. */
  source: z.enum(['api', 'files', 'dev']),
  subjectDN: z.string(),
  issuerDN: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** Certificates in the chain the ingress sends, server certificate first. */
  chainLength: z.number().int(),
});
export type ServerIdentityView = z.infer<typeof serverIdentityViewSchema>;

/** One CRL as an ingress replica holds it. */
export const crlStatusSchema = z.object({
  /** The URL or file it is read from. */
  source: z.string(),
  /** `configured`: a root's crlUrls; `distribution-point`: named by a certificate; `file`: INGRESS_CRL_FILES. */
  origin: z.enum(['configured', 'distribution-point', 'file']),
  /** Absent until it was read once. */
  issuerDN: z.string().optional(),
  thisUpdate: z.string().optional(),
  nextUpdate: z.string().optional(),
  revoked: z.number().int().optional(),
  /** When it was last read successfully. */
  fetchedAt: z.string().optional(),
  /** Why the last attempt failed (the CRL read before, if any, stays in use until its nextUpdate). */
  error: z.string().optional(),
});
export type CrlStatus = z.infer<typeof crlStatusSchema>;

export const trustedRootViewSchema = z.object({
  subjectDN: z.string(),
  /** SHA-256 of the DER, 64 lowercase hex digits: the `{sha256}` of DELETE /ingress/trusted-roots/{sha256}. */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** `api`: managed through the API (PUT/POST/DELETE /ingress/trusted-roots); `env`: INGRESS_CLIENT_ROOTS; `client-ca`: the tenant's own client CA. */
  source: z.enum(['api', 'env', 'client-ca']),
  pem: z.string(),
  /** The root's own policy (DEFAULT_ROOT_POLICY unless one was set). */
  policy: rootPolicySchema,
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
  /** Sets one trusted root's policy (by fingerprint; any source), replacing the one it had. */
  putRootPolicy: rpcContract(
    'ingress.root-policy.put.v1',
    z.object({ sha256: z.string().min(1).max(200), policy: rootPolicySchema }).strict(),
    z.object({ root: trustedRootViewSchema }),
  ),
  listHosts: rpcContract('ingress.hosts.list.v1', emptySchema, z.object({ hosts: z.array(hostViewSchema) })),
  /** Sets one host name's settings (replacing them). */
  putHost: rpcContract('ingress.hosts.put.v1', z.object({ hostName: hostNameSchema, settings: hostSettingsSchema }).strict(), hostViewSchema),
  removeHost: rpcContract('ingress.hosts.remove.v1', z.object({ hostName: hostNameSchema }).strict(), emptySchema),
  /** The CRLs the answering replica holds. */
  getRevocation: rpcContract('ingress.revocation.get.v1', emptySchema, z.object({ crls: z.array(crlStatusSchema) })),
  /** Every replica fetches every CRL again now; answers once the answering replica has. */
  refreshRevocation: rpcContract('ingress.revocation.refresh.v1', emptySchema, z.object({ crls: z.array(crlStatusSchema) })),
  getServerChain: rpcContract('ingress.server-chain.get.v1', emptySchema, z.object({ pem: z.string() })),
  /** Replaces the server key and chain on every replica, without a restart; open connections keep theirs. */
  putServerChain: rpcContract(
    'ingress.server-chain.put.v1',
    z
      .object({
        /** PEM, the server certificate first, then its intermediates (the root may follow). */
        certificates: pemSchema,
        /** PEM (PKCS#8, PKCS#1 or SEC1), plain or encrypted with `passphrase`. */
        privateKey: pemSchema,
        passphrase: z.string().max(1024).optional(),
      })
      .strict(),
    serverIdentityViewSchema,
  ),
  /** Drops the API-set key and chain: back to INGRESS_SERVER_KEY/_CHAIN or the dev PKI. */
  resetServerChain: rpcContract('ingress.server-chain.reset.v1', emptySchema, serverIdentityViewSchema),
} as const;
