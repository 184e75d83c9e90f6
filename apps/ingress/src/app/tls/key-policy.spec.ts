import { keyPolicyEnvSchema, keyPolicyOf, tlsSecurityLevel } from './key-policy';

describe('the key policy from the environment', () => {
  it('defaults to RSA 2048, the three NIST curves and Ed25519, at security level 2', () => {
    const env = keyPolicyEnvSchema.parse({});
    expect(keyPolicyOf(env)).toEqual({ minRsaBits: 2048, ecCurves: ['P-256', 'P-384', 'P-521'], edwardsCurves: ['Ed25519'] });
    expect(tlsSecurityLevel(env)).toBe(2);
  });

  it('follows the RSA minimum with the security level', () => {
    expect(tlsSecurityLevel(keyPolicyEnvSchema.parse({ CERTGATE_KEY_MIN_RSA_BITS: '1024' }))).toBe(1);
    expect(tlsSecurityLevel(keyPolicyEnvSchema.parse({ CERTGATE_KEY_MIN_RSA_BITS: '3072' }))).toBe(3);
  });

  it('takes lists, and an empty list of EdDSA curves', () => {
    const env = keyPolicyEnvSchema.parse({ CERTGATE_KEY_EC_CURVES: 'P-384, P-521', CERTGATE_KEY_EDWARDS_CURVES: '' });
    expect(keyPolicyOf(env)).toMatchObject({ ecCurves: ['P-384', 'P-521'], edwardsCurves: [] });
  });

  it.each([
    ['CERTGATE_KEY_MIN_RSA_BITS', '512'],
    ['CERTGATE_KEY_MIN_RSA_BITS', 'lots'],
    ['CERTGATE_KEY_EC_CURVES', 'P-192'],
    ['CERTGATE_KEY_EDWARDS_CURVES', 'Ed999'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    const parsed = keyPolicyEnvSchema.safeParse({ [name]: value });
    expect(parsed.success).toBe(false);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.path[0])).toContain(name);
  });
});
