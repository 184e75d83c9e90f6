import { NormalizedDnCache } from './dn-cache';

describe('NormalizedDnCache', () => {
  it('normalizes subject and issuer as libs/x509 does (case and spacing do not matter)', () => {
    const cache = new NormalizedDnCache();
    expect(cache.get('f1', 'CN=Alice,O=Acme  Corp', 'CN=Issuing CA,O=Acme')).toEqual({
      subject: 'cn=alice,o=acme corp',
      issuer: 'cn=issuing ca,o=acme',
      subjectInForwardOrder: 'O=Acme  Corp, CN=Alice',
      issuerInForwardOrder: 'O=Acme, CN=Issuing CA',
    });
  });

  it('computes once per fingerprint', () => {
    const cache = new NormalizedDnCache();
    const first = cache.get('f1', 'CN=a', 'CN=b');
    expect(cache.get('f1', 'CN=a', 'CN=b')).toBe(first);
  });

  it('a DN that does not parse gives no normalized form (it matches no DN entry)', () => {
    const cache = new NormalizedDnCache();
    expect(cache.get('f1', 'not a dn', 'CN=b')).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('stays within its capacity, dropping the oldest entry', () => {
    const cache = new NormalizedDnCache(2);
    const a = cache.get('a', 'CN=a', 'CN=ca');
    cache.get('b', 'CN=b', 'CN=ca');
    cache.get('c', 'CN=c', 'CN=ca');
    expect(cache.size).toBe(2);
    expect(cache.get('a', 'CN=a', 'CN=ca')).not.toBe(a);
  });
});
