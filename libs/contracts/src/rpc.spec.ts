import { z } from 'zod';
import { rpcContract, rpcReplySchema } from './rpc';

describe('rpcReplySchema', () => {
  it.each<[unknown]>([
    [{ ok: true, data: { a: 1 } }],
    [{ ok: true, data: null }],
    [{ ok: true }],
    [{ ok: true, data: [1, 2] }],
    [{ ok: true, data: 'text' }],
    [{ ok: false, error: { code: 'conflict', message: 'already there' } }],
    [{ ok: false, error: { code: 'validation_failed', message: 'bad', details: { issues: [] } } }],
  ])('accepts %j', (reply) => {
    const parsed = rpcReplySchema.safeParse(reply);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(reply);
  });

  it.each<[unknown, string]>([
    [{ ok: false }, 'failure without error'],
    [{ ok: false, data: 1 }, 'failure with data instead of error'],
    [{ ok: false, error: { code: 'teapot', message: 'x' } }, 'unknown error code'],
    [{ ok: false, error: { code: 'conflict' } }, 'error without message'],
    [{ ok: false, error: 'conflict' }, 'error as a string'],
    [{ ok: 'true', data: 1 }, 'ok as a string'],
    [{ ok: 1, data: 1 }, 'ok as a number'],
    [{ data: 1 }, 'no ok'],
    [{ error: { code: 'conflict', message: 'x' } }, 'error without ok'],
    [null, 'null'],
    ['ok', 'a string'],
    [[], 'an array'],
    [undefined, 'nothing'],
  ])('refuses %j (%s)', (reply) => {
    expect(rpcReplySchema.safeParse(reply).success).toBe(false);
  });
});

describe('rpcContract', () => {
  it('keeps subject and both schemas', () => {
    const request = z.object({ a: z.string() });
    const response = z.object({ b: z.number() });
    const c = rpcContract('x.y.v1', request, response);
    expect(c).toEqual({ subject: 'x.y.v1', request, response });
    expect(c.request).toBe(request);
    expect(c.response).toBe(response);
  });
});
