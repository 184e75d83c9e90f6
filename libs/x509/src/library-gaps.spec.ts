// What @peculiar/x509, @peculiar/asn1-schema and @peculiar/asn1-x509 do where
// this library keeps code of its own. Each test names the file it keeps; if one
// fails after an upgrade, that code may be able to go.
import { AsnParser, AsnSerializer } from '@peculiar/asn1-schema';
import { AttributeTypeAndValue, AttributeValue, Name, RelativeDistinguishedName } from '@peculiar/asn1-x509';
import { dnFromDer } from './dn-from-der';
import { x509 } from './engine';
import { pemEncode } from './encoding';

const tlv = (tag: string, content: string): string => tag + (content.length / 2).toString(16).padStart(2, '0') + content;
const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
const cnName = (value: string): string => tlv('30', tlv('31', tlv('30', '0603550403' + value)));
const parseName = (hex: string): Name => AsnParser.parse(bytes(hex), Name);
const firstValue = (hex: string): AttributeValue => parseName(hex)[0][0].value;
const atv = (type: string, value: AttributeValue) => new AttributeTypeAndValue({ type, value });
const serialize = (value: unknown): string => Buffer.from(AsnSerializer.serialize(value)).toString('hex');

describe('@peculiar/asn1-x509 Name read with AsnParser (why dn-der.ts and string-values.ts read asn1js nodes)', () => {
  it('accepts BER: an indefinite length, and bytes after the Name', () => {
    const der = cnName(tlv('0c', '61'));
    expect(parseName('3080' + der.slice(4) + '0000')[0][0].value.utf8String).toBe('a');
    expect(parseName(der + '00')[0][0].value.utf8String).toBe('a');
  });

  it('accepts an empty RDN', () => {
    expect(parseName('30023100')).toEqual([[]]);
  });

  it('reads invalid UTF-8 as Latin-1, so the damage cannot be told from real text', () => {
    expect(firstValue(cnName(tlv('0c', 'c328'))).utf8String).toBe('\u00c3(');
  });

  it('keeps only the low 16 bits of a UniversalString character beyond U+FFFF', () => {
    expect(firstValue(cnName(tlv('1c', '0001f600'))).universalString).toBe('\uf600');
  });

  it('does not read NumericString or VisibleString as text: they are not in its DirectoryString CHOICE', () => {
    expect(firstValue(cnName(tlv('12', '313233'))).toString()).toBe('1203313233');
    expect(firstValue(cnName(tlv('1a', '616263'))).toString()).toBe('1a03616263');
  });
});

describe('AsnSerializer on asn1-x509 names (why dn-der.ts sorts and checks values before encoding)', () => {
  it('writes SET OF members in the order given, not in the ascending order DER requires', () => {
    const uid = atv('0.9.2342.19200300.100.1.1', new AttributeValue({ utf8String: 'a' }));
    const cn = atv('2.5.4.3', new AttributeValue({ utf8String: 'b' }));
    expect(serialize(new RelativeDistinguishedName([uid, cn]))).toBe(`311b${serialize(uid)}${serialize(cn)}`);
    expect(serialize(cn) < serialize(uid)).toBe(true);
  });

  it('drops bytes after the first element of an anyValue without a word', () => {
    const value = new AttributeValue({ anyValue: new Uint8Array([0x02, 0x01, 0x01, 0x00, 0x00]).buffer });
    expect(serialize(atv('1.2.3.4', value))).toBe('300806032a0304020101');
  });

  it('throws on a lone surrogate in a utf8String', () => {
    expect(() => serialize(atv('2.5.4.3', new AttributeValue({ utf8String: 'a\ud800' })))).toThrow('URI malformed');
  });
});

describe('@peculiar/x509 Name and RFC 4514 strings (why dn-string.ts, dn-attributes.ts and dn.ts do their own)', () => {
  const json = (dn: string) => new x509.Name(dn).toJSON();

  it('reads text that is not a DN as the empty name instead of refusing it', () => {
    expect(json('alice')).toEqual([]);
  });

  it('accepts an empty RDN and an unclosed quote', () => {
    expect(json('CN=a,,O=b')).toEqual([{ CN: ['a'] }, { O: ['b'] }]);
    expect(json('CN="abc')).toEqual([{ CN: ['"abc'] }]);
  });

  it("knows neither ';' between RDNs nor OpenSSL's slash form", () => {
    expect(json('CN=a;O=b')).toEqual([{ CN: ['a;O=b'] }]);
    expect(json('/C=DE/O=Acme/CN=alice')).toEqual([{ C: ['DE/O=Acme/CN=alice'] }]);
  });

  it("loses an RDN when '=' has spaces around it", () => {
    expect(json('CN = a , O= b')).toEqual([{ O: [' b'] }]);
  });

  it('turns hex escapes such as \\C3\\BC into the letters C3BC', () => {
    expect(json('CN=J\\C3\\BCrgen')).toEqual([{ CN: ['JC3BCrgen'] }]);
  });

  it('knows neither aliases such as commonName nor types such as UID', () => {
    expect(() => new x509.Name('commonName=a')).toThrow("Cannot get OID for name type ''");
    expect(() => new x509.Name('UID=u')).toThrow("Cannot get OID for name type ''");
  });

  it('keeps the string order in DER, where RFC 4514 reverses it', () => {
    expect(dnFromDer(new Uint8Array(new x509.Name('CN=a, O=b').toArrayBuffer()))).toBe('O=b,CN=a');
  });

  it('escapes only the first control character, and prints E for emailAddress where OpenSSL and Node print emailAddress', () => {
    expect(new x509.Name([{ CN: ['a\nb\nc\u0001'] }]).toString()).toBe('CN=a\\0Ab\nc\u0001');
    expect(new x509.Name([{ '1.2.840.113549.1.9.1': ['a@b'] }]).toString()).toBe('E=a@b');
  });

  it('encodes a CN as PrintableString when it fits, where we write UTF8String as RFC 5280 §4.1.2.6 asks', () => {
    expect(Buffer.from(new x509.Name('CN=Alice').toArrayBuffer()).toString('hex')).toBe(cnName(tlv('13', '416c696365')));
  });

  it('has no comparison of names (RFC 4518), and its text keeps the case', () => {
    expect('equal' in x509.Name.prototype).toBe(false);
    expect(new x509.Name('CN=Alice').toString()).not.toBe(new x509.Name('CN=alice').toString());
  });

  it('Name.isASCII lets Latin-1 through, so it cannot check an IA5String', () => {
    expect(x509.Name.isASCII('ä')).toBe(true);
  });
});

describe('PemConverter (why encoding.ts reads PEM itself)', () => {
  const pem = pemEncode('CERTIFICATE', new Uint8Array(100));

  it('skips an indented block, and one with spaces after its lines, without a word', () => {
    expect(x509.PemConverter.decode(pem)).toHaveLength(1);
    expect(x509.PemConverter.decode(pem.replace(/^/gm, '    '))).toEqual([]);
    expect(x509.PemConverter.decode(pem.replace(/\n/g, ' \n'))).toEqual([]);
  });

  it('skips a block with a stray character instead of saying it was damaged', () => {
    expect(x509.PemConverter.decode(pem.replace('AAAA', 'AA!A'))).toEqual([]);
  });

  it('encodes the same text as pemEncode, which stays ours only for speed on large CRLs (figures in encoding.ts)', () => {
    const der = new Uint8Array(Array.from({ length: 1000 }, (_, k) => k % 256));
    expect(`${x509.PemConverter.encode(der, 'X509 CRL')}\n`).toBe(pemEncode('X509 CRL', der));
  });
});
