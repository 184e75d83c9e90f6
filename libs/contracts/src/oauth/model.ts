import { z } from 'zod';
import { encryptedKeySchema } from '../keystore/model';
import { assertTenant } from '../tenant';

/*
 * OAuth 2.0 access tokens (design §4): `POST /oauth/token` on the ingress issues a JWT
 * the keystore signs; the runtime verifies it locally against the public keys it
 * watches in the keystore bucket under the `SigningKv` layout.
 */

/** The one algorithm tokens are signed with and the only one a verifier accepts (never `none`, never HS*). */
export const OAUTH_SIGNING_ALG = 'ES256';
/** RFC 9068 JWT access-token type: a JWT of any other type signed with the same key is not an access token. */
export const OAUTH_ACCESS_TOKEN_TYPE = 'at+jwt';

/** `grant_type` values of `POST /oauth/token`. `client_x509` is the plain string, as the instance grant type is named. */
export const OAuthGrantType = {
  clientCredentials: 'client_credentials',
  clientX509: 'client_x509',
} as const;
export type OAuthGrantType = (typeof OAuthGrantType)[keyof typeof OAuthGrantType];

/** `iss` of every token of a tenant: the signer sets it, verifiers require it. */
export const oauthIssuer = (tenant: string) => `urn:certgate:${assertTenant(tenant)}`;
/** `aud` of every token of a tenant: the tenant's flows. */
export const oauthAudience = (tenant: string) => `urn:certgate:${assertTenant(tenant)}:flows`;

const base64url = (bytes: number) =>
  z.string().regex(new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((bytes * 4) / 3)}}$`), `expected ${bytes} bytes as unpadded base64url`);

/** A key id is the RFC 7638 thumbprint (SHA-256, base64url) of the public key: one KV key token. */
export const signingKeyIdSchema = base64url(32);
/** RFC 8705 `x5t#S256`: base64url of the SHA-256 of the certificate's DER. */
export const x5tS256Schema = base64url(32);

/** The public half of a P-256 signing key as a JWK. */
export const ecPublicJwkSchema = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: base64url(32), y: base64url(32) });
export type EcPublicJwk = z.infer<typeof ecPublicJwkSchema>;

/** A published verification key (RFC 7517), as `GET /oauth/jwks` lists it. */
export const signingJwkSchema = ecPublicJwkSchema.extend({ kid: signingKeyIdSchema, alg: z.literal(OAUTH_SIGNING_ALG), use: z.literal('sig') });
export type SigningJwk = z.infer<typeof signingJwkSchema>;
export const jwksSchema = z.object({ keys: z.array(signingJwkSchema) });
export type Jwks = z.infer<typeof jwksSchema>;

/**
 * A token signing key as stored in the keystore bucket (`SigningKv.key`): the private
 * key sealed like every keystore key, the public key in clear for verifiers. Published
 * while it is stored; `supersededAt` is when another key took over signing, and
 * `publishedUntil` when the last token it signed has expired (plus a margin), after
 * which the keystore deletes it.
 */
export const storedSigningKeySchema = z.object({
  kid: signingKeyIdSchema,
  alg: z.literal(OAUTH_SIGNING_ALG),
  owner: z.literal('system'),
  publicJwk: ecPublicJwkSchema,
  encryptedKey: encryptedKeySchema,
  createdAt: z.string(),
  supersededAt: z.string().optional(),
  publishedUntil: z.string().optional(),
});
export type StoredSigningKey = z.infer<typeof storedSigningKeySchema>;

/** Value of `SigningKv.active`: the key that signs new tokens (changed only by compare-and-set). */
export const activeSigningKeySchema = z.object({ kid: signingKeyIdSchema, since: z.string() });
export type ActiveSigningKey = z.infer<typeof activeSigningKeySchema>;

/**
 * Signing keys in the keystore bucket, apart from `entry.` so nothing that watches or
 * lists keystore entries sees them. Verifiers watch `signing.key.>`.
 */
export const SigningKv = {
  key: (kid: string) => `signing.key.${kid}`,
  keyPrefix: 'signing.key.',
  keys: 'signing.key.>',
  active: 'signing.active',
} as const;

/** The claims of a certgate access token (RFC 9068 shape; `scope` = the client's roles, space-separated). */
export const accessTokenClaimsSchema = z.object({
  iss: z.string(),
  sub: z.string(),
  aud: z.string(),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string(),
  client_id: z.string(),
  scope: z.string(),
  cnf: z.object({ 'x5t#S256': x5tS256Schema }).optional(),
});
export type AccessTokenClaims = z.infer<typeof accessTokenClaimsSchema>;

/** A signing key as the API shows it (never the private key). */
export const signingKeyViewSchema = z.object({
  kid: signingKeyIdSchema,
  alg: z.literal(OAUTH_SIGNING_ALG),
  /** `active` signs new tokens; `previous` only still verifies the tokens it signed, until `publishedUntil`. */
  status: z.enum(['active', 'previous']),
  createdAt: z.string(),
  supersededAt: z.string().optional(),
  publishedUntil: z.string().optional(),
  publicJwk: ecPublicJwkSchema,
});
export type SigningKeyView = z.infer<typeof signingKeyViewSchema>;

export const signingKeysSchema = z.object({ active: signingKeyIdSchema, keys: z.array(signingKeyViewSchema) });
export type SigningKeys = z.infer<typeof signingKeysSchema>;

/** RFC 6749 §5.1 successful token response. */
export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
