import { parseStrictJson, StrictJsonError } from './strict-json';

function refusal(text: string): { message: string; key?: string; path?: string } | 'accepted' {
  try {
    parseStrictJson(text);
    return 'accepted';
  } catch (err) {
    if (!(err instanceof StrictJsonError)) throw err;
    return { message: err.message, ...(err.key !== undefined && { key: err.key }), ...(err.path !== undefined && { path: err.path }) };
  }
}

describe('parseStrictJson: JSON.parse, refusing duplicate and prototype keys', () => {
  it('gives the value JSON.parse gives for JSON without duplicates', () => {
    const texts = [
      '{}',
      '[]',
      '{"name":"Role1","description":"a"}',
      '{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}],"c":"{\\"a\\":1,\\"a\\":2}"}',
      ' {\n "x" : [ 1, -2.5e3, true, false, null, "s", [], {} ] }\n',
      '{"quote\\"":1,"back\\\\":2,"uni\\u00e9":3,"":4}',
      '[{"k":1},{"k":1},[{"k":1}]]',
      '{"constructor":{"name":"x"},"prototype":1}',
    ];
    for (const text of texts) expect({ text, value: parseStrictJson(text) }).toEqual({ text, value: JSON.parse(text) });
  });

  it('refuses a key given twice, naming it and the path of its object, at any depth', () => {
    expect(refusal('{"name":"A","name":"B"}')).toEqual({ message: 'duplicate key "name" at $ (a key may appear once per object)', key: 'name', path: '$' });
    expect(refusal('{"name":"x","parameters":{"roles":["a"],"roles":["b"]}}')).toMatchObject({ key: 'roles', path: '$.parameters' });
    expect(refusal('{"steps":[{"a":1},{"b":1,"b":2}]}')).toMatchObject({ key: 'b', path: '$.steps[1]' });
    expect(refusal('[[1,{"x":{"y":1,"y":1}}]]')).toMatchObject({ key: 'y', path: '$[0][1].x' });
    expect(refusal('{"odd key":{"k":1,"k":2}}')).toMatchObject({ key: 'k', path: '$["odd key"]' });
    // The same key spelled with an escape is the same key.
    expect(refusal('{"name":1,"na\\u006de":2}')).toMatchObject({ key: 'name', path: '$' });
    // A key after a value that is an object or an array is still a key of the outer object.
    expect(refusal('{"a":{"b":1},"c":[1,{"d":2}],"a":3}')).toMatchObject({ key: 'a', path: '$' });
    // Strings holding braces, quotes and backslashes do not confuse it.
    expect(refusal('{"s":"}{\\"\\\\","t":"[","s":0}')).toMatchObject({ key: 's', path: '$' });
  });

  it('refuses __proto__ anywhere and constructor.prototype, as secure-json-parse does', () => {
    expect(refusal('{"__proto__":{"admin":true}}')).toEqual({
      message: 'key "__proto__" at $ is not allowed (it would change an object\'s prototype)',
      key: '__proto__',
      path: '$',
    });
    expect(refusal('{"a":[{"__proto__":1}]}')).toMatchObject({ key: '__proto__', path: '$.a[0]' });
    expect(refusal('{"a":{"constructor":{"prototype":{"x":1}}}}')).toMatchObject({ key: 'prototype', path: '$.a.constructor' });
    expect(refusal('{"\\u005f_proto__":1}')).toMatchObject({ key: '__proto__' });
  });

  it('refuses a scalar at the top level; leaves syntax errors to JSON.parse', () => {
    expect(refusal('"x"')).toEqual({ message: 'expected an object or an array at the top level, not a string' });
    expect(refusal('null')).toEqual({ message: 'expected an object or an array at the top level, not null' });
    expect(refusal('5')).toEqual({ message: 'expected an object or an array at the top level, not a number' });
    expect(() => parseStrictJson('{"a":1,}')).toThrow(SyntaxError);
    expect(() => parseStrictJson('')).toThrow(SyntaxError);
  });

  it('scans a body near the 1 MiB limit quickly', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `n${i}`, tags: ['a', 'b'], nested: { k: 'v"\\' } }));
    const text = JSON.stringify({ items });
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const value = parseStrictJson(text);
    const ms = performance.now() - started;
    expect(value).toEqual({ items });
    expect(ms).toBeLessThan(1_000);
  });
});
