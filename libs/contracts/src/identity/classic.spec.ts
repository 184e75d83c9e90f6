import { ClassicKv, ClassicRpc, createGroupSchema, IdentityKv, mappingIdSchema, userNameSchema } from '../index';

describe('classic mode contracts', () => {
  it.each(['alice', 'john.doe@acme.com', 'P000123', 'tech_user-1', 'a'.repeat(128)])('user name %s is valid', (name) => {
    expect(userNameSchema.safeParse(name).success).toBe(true);
  });

  it.each(['', 'john doe', 'a..b', '.a', 'a.', 'a/b', 'a*', 'a>', 'x=40', 'a'.repeat(129)])(
    'user name %j is refused (it would break a KV key or the access log)',
    (name) => {
      expect(userNameSchema.safeParse(name).success).toBe(false);
    },
  );

  it('user keys stay valid KV keys: @ is written =40, which no user name can contain', () => {
    expect(ClassicKv.user('alice')).toBe('user.alice');
    expect(ClassicKv.user('john.doe@acme.com')).toBe('user.john.doe=40acme.com');
    for (const name of ['alice', 'john.doe@acme.com', 'a@b@c']) expect(ClassicKv.user(name)).toMatch(/^[-/=.\w]+$/);
    expect(ClassicKv.user('a@b')).not.toBe(ClassicKv.user('a.b'));
  });

  it('a mapping lives under its fingerprint; the prefixes do not overlap with IdentityKv', () => {
    expect(ClassicKv.mapping('ab'.repeat(32))).toBe(`mapping.${'ab'.repeat(32)}`);
    const classic = Object.values(ClassicKv.prefixes);
    const identity = Object.values(IdentityKv.prefixes);
    for (const a of classic) for (const b of [...identity, ...classic]) if (a !== b) expect(a.startsWith(b) || b.startsWith(a)).toBe(false);
  });

  it('a mapping id is a SHA-256 fingerprint, upper case accepted and lowered', () => {
    expect(mappingIdSchema.parse('AB'.repeat(32))).toBe('ab'.repeat(32));
    expect(mappingIdSchema.safeParse('ab'.repeat(31)).success).toBe(false);
    expect(mappingIdSchema.safeParse('zz'.repeat(32)).success).toBe(false);
  });

  it('a group takes roles and users, both defaulting to none; unknown fields are refused', () => {
    expect(createGroupSchema.parse({ name: 'buyers' })).toEqual({ name: 'buyers', roles: [], users: [] });
    expect(createGroupSchema.safeParse({ name: 'buyers', members: [] }).success).toBe(false);
    expect(createGroupSchema.safeParse({ name: 'buyers', users: ['john doe'] }).success).toBe(false);
  });

  it('subjects are versioned and unique', () => {
    const subjects = Object.values(ClassicRpc).map((c) => c.subject);
    expect(new Set(subjects).size).toBe(subjects.length);
    for (const s of subjects) expect(s).toMatch(/^identity\.[a-z.]+\.v1$/);
  });
});
