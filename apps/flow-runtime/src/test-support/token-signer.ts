import { createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type JWTPayload, type KeyLike } from 'jose';
import { ecPublicJwkSchema, oauthAudience, oauthIssuer, type EcPublicJwk } from '@certgate/contracts';

/** An ES256 key that signs tokens as the keystore does, for runtime specs that must not need a keystore. */
export interface TestSigner {
  kid: string;
  publicJwk: EcPublicJwk;
  publicKey: KeyObject;
  sign(claims?: JWTPayload, header?: Record<string, unknown>): Promise<string>;
}

export async function testSigner(tenant: string): Promise<TestSigner> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const publicJwk = ecPublicJwkSchema.parse(await exportJWK(publicKey));
  const kid = await calculateJwkThumbprint(publicJwk, 'sha256');
  return {
    kid,
    publicJwk,
    publicKey: createPublicKey({ key: publicJwk, format: 'jwk' }),
    sign: (claims = {}, header = {}) => signToken(privateKey, { kid, ...header }, { ...standardClaims(tenant), ...claims }),
  };
}

export function standardClaims(tenant: string, now = Date.now()): JWTPayload {
  const iat = Math.floor(now / 1000);
  return {
    iss: oauthIssuer(tenant),
    aud: oauthAudience(tenant),
    sub: 'sb-basic!k2',
    client_id: 'sb-basic!k2',
    scope: 'Role1',
    iat,
    exp: iat + 3600,
    jti: `j${now}`,
  };
}

function signToken(key: KeyLike, header: Record<string, unknown>, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', ...header }).sign(key);
}
