import { X509Error, isX509Error } from './errors';

describe('X509Error', () => {
  it('carries a stable code, a message and an optional cause', () => {
    const cause = new Error('inner');
    const err = new X509Error('parse_error', 'cannot read it', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('X509Error');
    expect(err.code).toBe('parse_error');
    expect(err.message).toBe('cannot read it');
    expect(err.cause).toBe(cause);
    expect(String(err)).toBe('X509Error: cannot read it');
  });

  it('isX509Error narrows by code', () => {
    const err: unknown = new X509Error('empty_input', 'nothing');
    expect(isX509Error(err)).toBe(true);
    expect(isX509Error(err, 'empty_input')).toBe(true);
    expect(isX509Error(err, 'parse_error')).toBe(false);
    expect(isX509Error(new Error('x'))).toBe(false);
  });
});
