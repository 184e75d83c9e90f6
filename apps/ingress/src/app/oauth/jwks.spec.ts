import { jwksSchema, type StoredSigningKey } from '@certgate/contracts';
import { jwksOf } from './jwks';

const key = (kid: string, createdAt: string): StoredSigningKey => ({
  kid,
  alg: 'ES256',
  owner: 'system',
  publicJwk: { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) },
  encryptedKey: { alg: 'A256GCM', iv: 'i', tag: 't', data: 'sealed' },
  createdAt,
});

describe('jwksOf', () => {
  it('lists every published key as an RFC 7517 signing JWK, newest first, never the sealed private key', () => {
    const jwks = jwksOf([key('a'.repeat(43), '2025-01-01T00:00:00Z'), key('b'.repeat(43), '2025-02-01T00:00:00Z')]);
    expect(jwksSchema.parse(jwks)).toEqual(jwks);
    expect(jwks.keys.map((k) => k.kid)).toEqual(['b'.repeat(43), 'a'.repeat(43)]);
    expect(jwks.keys[0]).toEqual({ kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43), kid: 'b'.repeat(43), alg: 'ES256', use: 'sig' });
    expect(JSON.stringify(jwks)).not.toContain('sealed');
  });

  it('no keys: an empty set', () => {
    expect(jwksOf([])).toEqual({ keys: [] });
  });
});
