import { commonName, dnEquals, formatDN, normalizeDN, parseDN } from './dn';
import { X509Error } from './errors';

describe('parseDN', () => {
  it('returns RDNs most specific first, as written', () => {
    expect(parseDN('CN=alice, O=Acme, C=DE')).toEqual([[{ type: 'CN', value: 'alice' }], [{ type: 'O', value: 'Acme' }], [{ type: 'C', value: 'DE' }]]);
  });

  it('keeps a multi-valued RDN together', () => {
    expect(parseDN('CN=a+UID=b,O=x')).toEqual([
      [
        { type: 'CN', value: 'a' },
        { type: 'UID', value: 'b' },
      ],
      [{ type: 'O', value: 'x' }],
    ]);
  });

  it.each([
    ['escaped comma', 'O=Acme\\, Inc.', 'Acme, Inc.'],
    ['escaped plus', 'CN=a\\+b', 'a+b'],
    ['hex-escaped UTF-8', 'CN=J\\C3\\BCrgen', 'Jürgen'],
    ['literal UTF-8', 'CN=Jürgen Müller', 'Jürgen Müller'],
    ['escaped leading space', 'CN=\\ lead', ' lead'],
    ['escaped trailing space', 'CN=trail\\ ', 'trail '],
    ['escaped backslash', 'CN=back\\\\slash', 'back\\slash'],
    ['quoted value (RFC 1779)', 'CN="Acme, Inc."', 'Acme, Inc.'],
    ['leading escaped hash', 'CN=\\#1', '#1'],
    ['empty value', 'CN=', ''],
    ['unescaped equals sign', 'CN=a=b', 'a=b'],
    ['#hex of a UTF8String', 'CN=#0c03616263', 'abc'],
  ])('reads %s', (_what, dn, value) => {
    expect(parseDN(dn)[0][0].value).toBe(value);
  });

  it('regression: a DN ending in an escaped space (CN=trail\\ ) was trimmed to a lone backslash before parsing', () => {
    expect(parseDN('CN=trail\\ ')).toEqual([[{ type: 'CN', value: 'trail ' }]]);
    expect(normalizeDN('CN=a\\ ')).toBe(normalizeDN('CN=a'));
  });

  it('keeps a #hex value that is not a character string as hex', () => {
    expect(parseDN('1.2.3.4=#020101')).toEqual([[{ type: '1.2.3.4', value: '#020101' }]]);
  });

  it('accepts aliases, OIDs and any case for attribute types', () => {
    expect(parseDN('commonName=a, 2.5.4.10=b, oid.2.5.4.11=c, e=d@x, st=e, emailaddress=f@y').map((r) => r[0].type)).toEqual([
      'CN',
      'O',
      'OU',
      'emailAddress',
      'ST',
      'emailAddress',
    ]);
  });

  it("reads OpenSSL's slash form, which is written root first", () => {
    expect(parseDN('/C=DE/O=Acme, Inc./CN=alice')).toEqual([
      [{ type: 'CN', value: 'alice' }],
      [{ type: 'O', value: 'Acme, Inc.' }],
      [{ type: 'C', value: 'DE' }],
    ]);
  });

  it('reads an empty DN as no RDNs', () => {
    expect(parseDN('')).toEqual([]);
    expect(parseDN('   ')).toEqual([]);
  });

  it.each([
    ['a value without type', 'alice'],
    ['an unknown attribute type', 'FOO=bar'],
    ['a missing type', '=bar'],
    ['a trailing separator', 'CN=a,'],
    ['an unclosed quote', 'CN="abc'],
    ['a lone trailing backslash', 'CN=abc\\'],
    ['odd-length hex', 'CN=#abc'],
    ['invalid UTF-8 in escapes', 'CN=\\C3\\28'],
    ['a separator where a type should be', 'CN=a,,O=b'],
  ])('refuses %s with parse_error', (_what, dn) => {
    expect(() => parseDN(dn)).toThrow(X509Error);
    try {
      parseDN(dn);
    } catch (err) {
      expect((err as X509Error).code).toBe('parse_error');
      expect((err as X509Error).message).toContain(dn);
    }
  });
});

describe('normalizeDN and dnEquals', () => {
  it.each([
    ['CN=a, O=b', 'cn=A,o=B'],
    ['CN=a, O=b', 'CN = a ,O= b'],
    ['CN=a, O=b', 'CN=a;O=b'],
    ['CN=a,O=b', '2.5.4.3=a,2.5.4.10=b'],
    ['CN=a,O=b', 'commonName=a,organizationName=b'],
    ['E=x@y.z', 'emailAddress=X@Y.Z'],
    ['CN=a+UID=b', 'UID=b+CN=a'],
    ['CN=Acme  Widgets   Ltd', 'CN=acme widgets ltd'],
    ['O=Acme\\, Inc.', 'o=ACME\\, INC.'],
    ['O=Acme\\, Inc.', 'O="Acme, Inc."'],
    ['CN=Jürgen', 'CN=J\\C3\\BCrgen'],
    ['CN=Jürgen', 'CN=JÜRGEN'],
    ['CN=ﬁle', 'CN=file'],
    ['CN=soft\u00adhyphen', 'CN=softhyphen'],
    ['CN=abc', 'CN=#0c03616263'],
    ['CN=abc', 'CN=#1303616263'],
    ['/C=DE/O=Acme/CN=x', 'CN=x, O=Acme, C=DE'],
    ['', '  '],
  ])('%s ≡ %s', (a, b) => {
    expect(normalizeDN(a)).toBe(normalizeDN(b));
    expect(dnEquals(a, b)).toBe(true);
  });

  it.each([
    ['CN=a, O=b', 'O=b, CN=a', 'RDN order counts'],
    ['CN=a, O=b', 'CN=a', 'a missing RDN'],
    ['CN=a+UID=b', 'CN=a, UID=b', 'multi-valued is not two RDNs'],
    ['O=Acme\\, Inc.', 'O=Acme, O=Inc.', 'an escaped comma is not a separator'],
    ['CN=a b', 'CN=ab', 'inner whitespace is collapsed, not removed'],
    ['CN=a', 'OU=a', 'the attribute type counts'],
  ])('%s ≢ %s (%s)', (a, b) => {
    expect(dnEquals(a, b)).toBe(false);
  });

  it('gives a canonical text', () => {
    expect(normalizeDN(' CN = Alice ,  O=Acme\\, Inc. ')).toBe('cn=alice,o=acme\\, inc.');
    expect(normalizeDN('UID=B+CN=A')).toBe('cn=a+uid=b');
  });

  it('normalizeDN throws on garbage; dnEquals then says "not equal" instead of throwing', () => {
    expect(() => normalizeDN('not a dn')).toThrow(X509Error);
    expect(dnEquals('not a dn', 'not a dn')).toBe(false);
    expect(dnEquals('CN=a', 'garbage')).toBe(false);
  });
});

describe('commonName', () => {
  it('is the most specific CN', () => {
    expect(commonName('CN=leaf, OU=x, CN=outer, O=y')).toBe('leaf');
    expect(commonName('UID=u+CN=multi, O=y')).toBe('multi');
    expect(commonName('CN=Acme\\, Inc.')).toBe('Acme, Inc.');
  });

  it('is undefined without a CN', () => {
    expect(commonName('O=Acme, C=DE')).toBeUndefined();
    expect(commonName('')).toBeUndefined();
  });

  it('throws parse_error for text that is not a DN', () => {
    expect(() => commonName('alice')).toThrow(expect.objectContaining({ code: 'parse_error' }));
  });
});

describe('formatDN', () => {
  it('writes RFC 4514 with short names, no spaces and escapes', () => {
    expect(formatDN('commonName = a , organizationName="Acme, Inc."')).toBe('CN=a,O=Acme\\, Inc.');
    expect(formatDN('CN=\\ x\\ ')).toBe('CN=\\ x\\ ');
    expect(formatDN('CN=\\#x')).toBe('CN=\\#x');
    expect(formatDN('2.5.4.3=a;1.2.3.4=#020101')).toBe('CN=a,1.2.3.4=#020101');
  });

  it('escapes control characters as hex', () => {
    expect(formatDN('CN=a\\0Ab')).toBe('CN=a\\0ab');
  });

  it('round-trips through parseDN', () => {
    const dn = 'CN=J\\C3\\BCrgen M\\C3\\BCller+UID=jm,O=B\\C3\\A4ckerei\\, \\"GmbH\\",C=DE';
    expect(formatDN(formatDN(dn))).toBe(formatDN(dn));
    expect(normalizeDN(formatDN(dn))).toBe(normalizeDN(dn));
    expect(formatDN(dn)).toBe('CN=Jürgen Müller+UID=jm,O=Bäckerei\\, \\"GmbH\\",C=DE');
  });
});
