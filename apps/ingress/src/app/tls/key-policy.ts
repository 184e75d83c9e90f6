import { z } from 'zod';
import type { EcCurve, EdwardsCurve, KeyPolicy } from '@certgate/x509';

const curveList = <T extends string>(allowed: readonly [T, ...T[]], fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(allowed)));

/** The key policy of client chains and trusted roots (docs/certificate-policy.md, "Key policy"), per deployment. */
export const keyPolicyEnvSchema = z.object({
  /** Smallest RSA modulus in bits; below 2048 the TLS security level drops to 1 as well. */
  CERTGATE_KEY_MIN_RSA_BITS: z.coerce.number().int().min(1024).max(16384).default(2048),
  CERTGATE_KEY_EC_CURVES: curveList<EcCurve>(['P-256', 'P-384', 'P-521'], 'P-256,P-384,P-521'),
  CERTGATE_KEY_EDWARDS_CURVES: curveList<EdwardsCurve>(['Ed25519', 'Ed448'], 'Ed25519'),
});
type KeyPolicyEnv = z.infer<typeof keyPolicyEnvSchema>;

export function keyPolicyOf(env: KeyPolicyEnv): KeyPolicy {
  return { minRsaBits: env.CERTGATE_KEY_MIN_RSA_BITS, ecCurves: env.CERTGATE_KEY_EC_CURVES, edwardsCurves: env.CERTGATE_KEY_EDWARDS_CURVES };
}

/**
 * OpenSSL's security level matching the key policy, so that the handshake already
 * refuses the keys the policy refuses (level 2: RSA and DH of 2048 bits or more, ECC of
 * 224 or more; level 3: 3072 and 256, which every allowed curve meets). The policy check after the handshake stays the
 * authority; this makes the two engines agree and spares a refused sender the round trip.
 */
export function tlsSecurityLevel(env: KeyPolicyEnv): number {
  const rsa = env.CERTGATE_KEY_MIN_RSA_BITS;
  return rsa >= 3072 ? 3 : rsa >= 2048 ? 2 : 1;
}
