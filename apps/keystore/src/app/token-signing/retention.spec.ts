import type { StoredSigningKey } from '@certgate/contracts';
import { publishedUntil, retentionPlan, supersede, type RetentionPolicy } from './retention';

const policy: RetentionPolicy = { tokenTtlSeconds: 3600, marginSeconds: 300 };
const at = (iso: string) => new Date(iso);
const key = (kid: string, marks: Partial<Pick<StoredSigningKey, 'supersededAt' | 'publishedUntil'>> = {}): StoredSigningKey => ({
  kid,
  alg: 'ES256',
  owner: 'system',
  publicJwk: { kty: 'EC', crv: 'P-256', x: 'x'.repeat(43), y: 'y'.repeat(43) },
  encryptedKey: { alg: 'A256GCM', iv: 'i', tag: 't', data: 'd' },
  createdAt: '2025-01-01T00:00:00.000Z',
  ...marks,
});
const retired = (kid: string, supersededAt: string) => key(kid, { supersededAt, publishedUntil: publishedUntil(at(supersededAt), policy).toISOString() });

describe('signing key retention (clock injected)', () => {
  it('a superseded key is published for the token lifetime plus the margin', () => {
    expect(publishedUntil(at('2025-01-01T10:00:00Z'), policy).toISOString()).toBe('2025-01-01T11:05:00.000Z');
    expect(supersede('k1', at('2025-01-01T10:00:00Z'), policy)).toEqual({
      kind: 'supersede',
      kid: 'k1',
      supersededAt: '2025-01-01T10:00:00.000Z',
      publishedUntil: '2025-01-01T11:05:00.000Z',
    });
  });

  it('keeps a previous key while a token it signed may still be valid, drops it right after', () => {
    const keys = [key('active'), retired('old', '2025-01-01T10:00:00.000Z')];
    // The last token it signed (at 10:00) expires at 11:00; the margin takes it to 11:05.
    expect(retentionPlan(keys, 'active', at('2025-01-01T11:00:00Z'), policy)).toEqual([]);
    expect(retentionPlan(keys, 'active', at('2025-01-01T11:04:59.999Z'), policy)).toEqual([]);
    expect(retentionPlan(keys, 'active', at('2025-01-01T11:05:00Z'), policy)).toEqual([{ kind: 'drop', kid: 'old' }]);
  });

  it('never touches the active key, whatever its marks say', () => {
    const keys = [retired('active', '2020-01-01T00:00:00.000Z')];
    expect(retentionPlan(keys, 'active', at('2025-01-01T00:00:00Z'), policy)).toEqual([]);
  });

  it('a key that is not active and was never marked (a rotation cut short) is marked now, so it lives at least as long as its tokens', () => {
    const now = at('2025-01-01T12:00:00Z');
    expect(retentionPlan([key('active'), key('orphan')], 'active', now, policy)).toEqual([supersede('orphan', now, policy)]);
  });

  it('an unreadable mark counts as no mark: kept longer, never dropped early', () => {
    const now = at('2025-01-01T12:00:00Z');
    expect(retentionPlan([key('active'), key('odd', { supersededAt: 'x', publishedUntil: 'someday' })], 'active', now, policy)).toEqual([
      supersede('odd', now, policy),
    ]);
  });

  it('with no active key nothing is dropped (provisioning comes first)', () => {
    expect(retentionPlan([retired('old', '2020-01-01T00:00:00.000Z')], undefined, at('2025-01-01T00:00:00Z'), policy)).toEqual([]);
  });

  it('several previous keys each go at their own time', () => {
    const keys = [key('active'), retired('a', '2025-01-01T08:00:00.000Z'), retired('b', '2025-01-01T10:00:00.000Z')];
    expect(retentionPlan(keys, 'active', at('2025-01-01T10:00:00Z'), policy)).toEqual([{ kind: 'drop', kid: 'a' }]);
  });
});
