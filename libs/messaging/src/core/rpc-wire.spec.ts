import { z } from 'zod';
import { rpcContract } from '@certgate/contracts';
import { decodeRpcReply, decodeRpcRequest, encodeRpcReply, encodeRpcRequest } from './rpc-wire';

const bytes = z.instanceof(Buffer).default(() => Buffer.alloc(0));
const framed = rpcContract('t.framed.v1', z.object({ a: z.string(), body: bytes }), z.object({ status: z.number(), body: bytes }), { bytes: 'body' });
const plain = rpcContract('t.plain.v1', z.object({ a: z.string() }), z.object({ b: z.string() }));
const text = (data: Uint8Array) => Buffer.from(data).toString('latin1');

describe('rpc wire', () => {
  it('plain contracts stay JSON', () => {
    expect(text(encodeRpcRequest(plain, { a: 'x' }))).toBe('{"a":"x"}');
    expect(text(encodeRpcReply(plain, { ok: true, data: { b: 'y' } }))).toBe('{"ok":true,"data":{"b":"y"}}');
    expect(decodeRpcReply(plain, Buffer.from('{"ok":true,"data":{"b":"y"}}'))).toEqual({ ok: true, data: { b: 'y' } });
  });

  it('frames a request: JSON head without the bytes, a newline, the bytes', () => {
    const body = Buffer.from([0x0a, 0x00, 0xff, 0x7b]);
    const wire = encodeRpcRequest(framed, { a: 'line\nbreak', body });
    expect(text(wire)).toBe('{"a":"line\\nbreak"}\n\x0a\x00\xff\x7b');
    expect(decodeRpcRequest(framed, wire)).toEqual({ a: 'line\nbreak', body });
  });

  it('the decoded bytes are a copy, not a view of the message', () => {
    const wire = Buffer.from(encodeRpcRequest(framed, { a: '', body: Buffer.from('abc') }));
    const decoded = decodeRpcRequest(framed, wire) as { body: Buffer };
    wire.fill(0);
    expect(decoded.body.toString()).toBe('abc');
  });

  it('no bytes: the head and a newline; a head alone also decodes, to an empty body', () => {
    expect(text(encodeRpcRequest(framed, { a: 'x' }))).toBe('{"a":"x"}\n');
    expect(text(encodeRpcRequest(framed, { a: 'x', body: Buffer.alloc(0) }))).toBe('{"a":"x"}\n');
    expect(decodeRpcRequest(framed, Buffer.from('{"a":"x"}'))).toEqual({ a: 'x', body: Buffer.alloc(0) });
  });

  it('frames a success reply around data.body; an error reply is the head alone', () => {
    const wire = encodeRpcReply(framed, { ok: true, data: { status: 200, body: Buffer.from('ok') } });
    expect(text(wire)).toBe('{"ok":true,"data":{"status":200}}\nok');
    expect(decodeRpcReply(framed, wire)).toEqual({ ok: true, data: { status: 200, body: Buffer.from('ok') } });
    const error = { ok: false as const, error: { code: 'timeout' as const, message: 'late' } };
    expect(decodeRpcReply(framed, encodeRpcReply(framed, error))).toEqual(error);
  });

  it('a bytes field holding something else stays in the head, for the schema to refuse', () => {
    const wire = encodeRpcRequest(framed, { a: 'x', body: 'aGk=' });
    expect(text(wire)).toBe('{"a":"x","body":"aGk="}');
    const decoded = decodeRpcRequest(framed, wire);
    expect(decoded).toEqual({ a: 'x', body: 'aGk=' });
    expect(framed.request.safeParse(decoded).error?.issues[0]).toMatchObject({ path: ['body'], message: expect.stringContaining('Buffer') });
    // Nor can a head smuggle the field past the frame's bytes.
    expect(decodeRpcRequest(framed, Buffer.from('{"a":"x","body":"s"}\nreal'))).toEqual({ a: 'x', body: 's' });
  });

  it('a head that is not JSON throws SyntaxError', () => {
    expect(() => decodeRpcRequest(framed, Buffer.from('{nope\nbody'))).toThrow(SyntaxError);
  });
});
