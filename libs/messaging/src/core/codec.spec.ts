import { decodeJson, encodeJson } from './codec';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('codec', () => {
  it.each([[{ a: 1, b: [true, null, 'x'] }], [[1, 2, 3]], ['text'], [0], [false], [null], [{ name: 'Zürich ✓ 証明書' }]])('round-trips %j', (value) => {
    expect(decodeJson(encodeJson(value))).toEqual(value);
  });

  it('encodes UTF-8 JSON', () => {
    expect(Buffer.from(encodeJson({ cn: 'ä' })).toString('utf8')).toBe('{"cn":"ä"}');
  });

  it('decodes an empty payload to undefined', () => {
    expect(decodeJson(new Uint8Array(0))).toBeUndefined();
  });

  it('encodes undefined as an empty payload, which decodes back to undefined', () => {
    expect(encodeJson(undefined).length).toBe(0);
    expect(decodeJson(encodeJson(undefined))).toBeUndefined();
  });

  it.each([['{'], ['not json'], ['{"a":1,}'], ["{'a':1}"], [' ']])('throws SyntaxError for invalid JSON %j', (text) => {
    expect(() => decodeJson(bytes(text))).toThrow(SyntaxError);
  });

  it('throws for values JSON cannot encode', () => {
    expect(() => encodeJson({ n: 1n })).toThrow(TypeError);
  });
});
