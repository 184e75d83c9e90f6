import { z } from 'zod';
import { emptySchema, roleNameSchema } from '../common';
import { rpcContract } from '../rpc';
import { accessTokenClaimsSchema, signingKeyIdSchema, signingKeysSchema, x5tS256Schema } from './model';

/** What the ingress asks the keystore to sign; the keystore adds iss, aud, iat, exp and jti itself. */
export const signTokenRequestSchema = z
  .object({
    /** The client id the token is issued to. */
    sub: z.string().min(1).max(256),
    /** Roles granted; sent as the space-separated `scope` claim. */
    scope: z.array(roleNameSchema).max(256),
    /** RFC 8705 certificate binding, for tokens issued over mutual TLS. */
    cnf: z.object({ 'x5t#S256': x5tS256Schema }).strict().optional(),
  })
  .strict();
export type SignTokenRequest = z.infer<typeof signTokenRequestSchema>;

export const signedTokenSchema = z.object({ token: z.string(), kid: signingKeyIdSchema, claims: accessTokenClaimsSchema });
export type SignedToken = z.infer<typeof signedTokenSchema>;

/** `dropPrevious`: unpublish the previous keys at once (a leaked key), which invalidates every token they signed. */
export const rotateSigningKeyRequestSchema = z.object({ dropPrevious: z.boolean().default(false) }).strict();

/** Token signing lives in the keystore: the private keys never leave it. */
export const OAuthSigningRpc = {
  sign: rpcContract('keystore.oauth.sign.v1', signTokenRequestSchema, signedTokenSchema),
  listKeys: rpcContract('keystore.oauth.signing-keys.list.v1', emptySchema, signingKeysSchema),
  rotate: rpcContract('keystore.oauth.signing-keys.rotate.v1', rotateSigningKeyRequestSchema, signingKeysSchema),
} as const;
