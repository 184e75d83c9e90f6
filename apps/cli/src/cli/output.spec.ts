import YAML from 'yaml';
import { cell, daysLeft, logfmt, renderData, renderItem, renderList, renderTable } from './output';

describe('output', () => {
  it('tables are plain aligned columns without borders or colours, no trailing spaces', () => {
    expect(
      renderTable(
        ['NAME', 'ROLES'],
        [
          ['sender-a', ['R1', 'R2']],
          ['b', []],
        ],
      ),
    ).toBe(['NAME      ROLES', 'sender-a  R1, R2', 'b'].join('\n'));
  });

  it('an empty list is (none); columns come from the row functions', () => {
    expect(renderList([], [{ header: 'X', value: () => 1 }])).toBe('(none)');
    expect(renderList([{ a: 1 }, { a: 22 }], [{ header: 'A', value: (r) => r.a }])).toBe('A\n1\n22');
  });

  it('one object as FIELD value lines, leaving out what is absent', () => {
    expect(
      renderItem({ name: 'k1', url: undefined, n: 0, uris: [] }, [
        { header: 'NAME', value: (o) => o.name },
        { header: 'URL', value: (o) => o.url },
        { header: 'URIS', value: (o) => o.uris },
        { header: 'COUNT', value: (o) => o.n },
      ]),
    ).toBe('NAME   k1\nCOUNT  0');
  });

  it('cells are one line: lists joined, objects as compact JSON, line breaks flattened', () => {
    expect(cell(['a', 'b'])).toBe('a, b');
    expect(cell({ a: 1 })).toBe('{"a":1}');
    expect(cell('x\n  y')).toBe('x y');
    expect(cell(null)).toBe('');
    expect(cell(false)).toBe('false');
  });

  it('json is the data as it is; yaml the same data', () => {
    const data = [{ name: 'R1', 'grant-types': ['client_x509'], n: null, long: 'x'.repeat(200) }];
    expect(JSON.parse(renderData(data, 'json'))).toEqual(data);
    expect(YAML.parse(renderData(data, 'yaml'))).toEqual(data);
    expect(renderData(data, 'yaml')).not.toMatch(/\n\s+x{10}/);
  });

  it('logfmt quotes what would split the line', () => {
    expect(
      logfmt([
        ['status', 401],
        ['who', 'sb-a!k1'],
        ['message', 'no key "k"'],
        ['empty', ''],
        ['none', undefined],
      ]),
    ).toBe('status=401 who=sb-a!k1 message="no key \\"k\\""');
  });

  it('counts whole days left, negative once passed', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(daysLeft('2026-01-11T12:00:00Z', now)).toBe(10);
    expect(daysLeft('2025-12-31T12:00:00Z', now)).toBe(-1);
    expect(daysLeft('not a date', now)).toBeUndefined();
  });
});
