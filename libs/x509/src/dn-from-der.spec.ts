import { dnFromDer } from './dn-from-der';
import { encodeDN } from './dn';
import { isX509Error } from './errors';

const tlv = (tag: string, content: string): string => tag + (content.length / 2).toString(16).padStart(2, '0') + content;
const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
/** A DER Name with one RDN holding one attribute: `type` is the OID's TLV, `value` the value's. */
const nameWith = (value: string, type = '0603550403'): string => tlv('30', tlv('31', tlv('30', type + value)));

describe('dnFromDer', () => {
  it('reads a DER Name back to RFC 4514 text, most specific RDN first, with escapes', () => {
    expect(dnFromDer(encodeDN('CN=Acme Client CA, OU=Ops\\, Berlin, O=Acme, C=DE'))).toBe('CN=Acme Client CA,OU=Ops\\, Berlin,O=Acme,C=DE');
  });

  it('multi-valued RDNs and the empty name', () => {
    expect(dnFromDer(encodeDN('CN=a+UID=b, O=c'))).toMatch(/^(CN=a\+UID=b|UID=b\+CN=a),O=c$/);
    expect(dnFromDer(new Uint8Array([0x30, 0x00]))).toBe('');
  });

  it('writes a multi-valued RDN in the ascending order DER wants of a SET OF, whichever order it was given in', () => {
    expect(dnFromDer(encodeDN('UID=b+CN=a'))).toBe('CN=a+UID=b');
    expect(dnFromDer(encodeDN('CN=a+UID=b'))).toBe('CN=a+UID=b');
  });

  it.each([
    ['a UTF8String', tlv('0c', Buffer.from('Jürgen').toString('hex')), 'CN=Jürgen'],
    ['invalid UTF-8 as U+FFFD, marking the damage', tlv('0c', 'c328'), 'CN=\ufffd('],
    ['a PrintableString', tlv('13', '616263'), 'CN=abc'],
    ['a TeletexString as Latin-1', tlv('14', 'e4'), 'CN=ä'],
    ['an IA5String', tlv('16', '616263'), 'CN=abc'],
    ['a VisibleString', tlv('1a', '616263'), 'CN=abc'],
    ['a NumericString', tlv('12', '313233'), 'CN=123'],
    ['a BMPString', tlv('1e', '00e400fc'), 'CN=äü'],
    ['a surrogate pair in a BMPString', tlv('1e', 'd83dde00'), 'CN=\u{1f600}'],
    ['a lone surrogate in a BMPString', tlv('1e', 'd800'), 'CN=\ud800'],
    ['a TeletexString holding UTF-8 as Latin-1', tlv('14', 'c3a4'), 'CN=\u00c3\u00a4'],
    ['a UniversalString beyond U+FFFF', tlv('1c', '0001f600'), 'CN=\u{1f600}'],
    ['a value that is not a string as #hex', tlv('02', '01'), 'CN=#020101'],
    ['a constructed (BER) UTF8String as #hex', tlv('2c', tlv('0c', '616263')), 'CN=#2c050c03616263'],
  ])('reads %s', (_what, value, text) => {
    expect(dnFromDer(bytes(nameWith(value)))).toBe(text);
  });

  it.each([
    ['an empty RDN', tlv('30', '3100')],
    ['trailing bytes', nameWith(tlv('0c', '61')) + '00'],
    ['an indefinite length', '3080' + nameWith(tlv('0c', '61')).slice(4) + '0000'],
    ['an indefinite-length RDN', tlv('30', '3180' + tlv('30', '0603550403' + tlv('0c', '61')) + '0000')],
    ['an attribute type that is not an OID', nameWith(tlv('0c', '61'), tlv('02', '01'))],
  ])('refuses a Name with %s', (_what, hex) => {
    expect(() => dnFromDer(bytes(hex))).toThrow(expect.objectContaining({ code: 'parse_error' }));
  });

  it('bytes that are not a DER Name → parse_error', () => {
    for (const bad of [new Uint8Array([0x04, 0x01, 0x00]), new Uint8Array([0x30, 0x05, 0x31]), new Uint8Array([])]) {
      let caught: unknown;
      try {
        dnFromDer(bad);
      } catch (err) {
        caught = err;
      }
      expect(isX509Error(caught, 'parse_error')).toBe(true);
    }
  });
});
