import type { FlowStep } from '@certgate/contracts';
import { compileSteps, runSteps, type InboundMessage } from './step-engine';

function message(overrides: Partial<InboundMessage> = {}): InboundMessage {
  return {
    principal: 'sb-a!k1',
    address: '/orders',
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-trace': 't-1' },
    body: () => Buffer.from('{"order":7}'),
    ...overrides,
  };
}

const run = (steps: FlowStep[], msg = message()) => runSteps(compileSteps(steps), msg);

describe('step engine', () => {
  it('no steps: 200 with an empty body and no headers', () => {
    const out = run([]);
    expect(out).toEqual({ status: 200, headers: {}, body: Buffer.alloc(0) });
  });

  it('respond sets status, templated body, text content type and its templated headers', () => {
    const out = run([
      { type: 'respond', status: 201, body: 'ok ${principal} at ${address}', headers: { 'X-Who': '${principal}', 'Content-Type': 'text/csv' } },
    ]);
    expect(out.status).toBe(201);
    expect(out.body.toString()).toBe('ok sb-a!k1 at /orders');
    expect(out.headers).toEqual({ 'x-who': 'sb-a!k1', 'content-type': 'text/csv' });
  });

  it('respond without a content type answers text/plain', () => {
    expect(run([{ type: 'respond', status: 200, body: 'x' }]).headers).toEqual({ 'content-type': 'text/plain; charset=utf-8' });
  });

  it('the last respond wins', () => {
    const out = run([
      { type: 'respond', status: 500, body: 'first' },
      { type: 'respond', status: 202, body: 'second' },
    ]);
    expect(out.status).toBe(202);
    expect(out.body.toString()).toBe('second');
  });

  it('set-header sets a templated header; a later one of the same name replaces it', () => {
    const out = run([
      { type: 'set-header', name: 'X-Trace', value: 'first' },
      { type: 'set-header', name: 'x-trace', value: 'seen ${header.x-trace} via ${method}' },
    ]);
    expect(out.headers).toEqual({ 'x-trace': 'seen t-1 via POST' });
    expect(out.status).toBe(200);
  });

  it('a content type set before respond is kept', () => {
    const out = run([
      { type: 'set-header', name: 'content-type', value: 'application/json' },
      { type: 'respond', status: 200, body: '{"who":"${principal}"}' },
    ]);
    expect(out.headers['content-type']).toBe('application/json');
    expect(JSON.parse(out.body.toString())).toEqual({ who: 'sb-a!k1' });
  });

  it('echo returns the request body byte for byte with the request content type', () => {
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe]);
    const out = run([{ type: 'echo' }], message({ headers: { 'content-type': 'application/octet-stream' }, body: () => bytes }));
    expect(out.body.equals(bytes)).toBe(true);
    expect(out.headers).toEqual({ 'content-type': 'application/octet-stream' });
  });

  it('echo of a request without a content type drops the one an earlier respond set', () => {
    const out = run([{ type: 'respond', status: 203, body: 'x' }, { type: 'echo' }], message({ headers: {} }));
    expect(out.status).toBe(203);
    expect(out.body.toString()).toBe('{"order":7}');
    expect(out.headers).toEqual({});
  });

  it('steps run in order: respond after echo replaces the echoed body', () => {
    const out = run([{ type: 'echo' }, { type: 'respond', status: 200, body: 'got ${body}' }]);
    expect(out.body.toString()).toBe('got {"order":7}');
  });

  it('never answers with a hop-by-hop header or a content length, even from a flow written to KV directly', () => {
    const out = run([
      { type: 'set-header', name: 'Connection', value: 'close' },
      { type: 'set-header', name: 'transfer-encoding', value: 'chunked' },
      { type: 'respond', status: 200, body: 'x', headers: { 'Content-Length': '999', Upgrade: 'h2c', 'x-ok': '1' } },
    ]);
    expect(Object.keys(out.headers).sort()).toEqual(['content-type', 'x-ok']);
  });

  it('request data cannot inject a header line (CR/LF in a templated value)', () => {
    const out = run([{ type: 'set-header', name: 'x-echo', value: '${body}' }], message({ body: () => Buffer.from('a\r\nSet-Cookie: evil=1') }));
    expect(out.headers).toEqual({ 'x-echo': 'a  Set-Cookie: evil=1' });
  });

  it('the request body is not decoded when no step needs it', () => {
    const body = jest.fn(() => Buffer.from('x'));
    run(
      [
        { type: 'respond', status: 200, body: '${principal}' },
        { type: 'set-header', name: 'x-a', value: '${method}' },
      ],
      message({ body }),
    );
    expect(body).not.toHaveBeenCalled();
  });

  describe("a receiver flow's message starts as the sender's request", () => {
    const toReceiver = (steps: FlowStep[], msg = message()) => runSteps(compileSteps(steps), msg, 'request');

    it("no steps: the sender's body and content type, nothing else of the sender", () => {
      const out = toReceiver([]);
      expect(out.body.toString()).toBe('{"order":7}');
      expect(out.headers).toEqual({ 'content-type': 'application/json' });
    });

    it('set-header adds to it; respond replaces the body, as text unless a step chose the type', () => {
      expect(toReceiver([{ type: 'set-header', name: 'X-Order', value: '${principal}' }]).headers).toEqual({
        'content-type': 'application/json',
        'x-order': 'sb-a!k1',
      });
      const text = toReceiver([{ type: 'respond', status: 200, body: 'wrapped ${body}' }]);
      expect(text.body.toString()).toBe('wrapped {"order":7}');
      expect(text.headers).toEqual({ 'content-type': 'text/plain; charset=utf-8' });
      const chosen = toReceiver([
        { type: 'set-header', name: 'content-type', value: 'application/xml' },
        { type: 'respond', status: 200, body: '<o/>' },
      ]);
      expect(chosen.headers).toEqual({ 'content-type': 'application/xml' });
    });

    it('a sender without a content type starts without one', () => {
      expect(toReceiver([], message({ headers: {} })).headers).toEqual({});
    });
  });

  it("respond after echo answers text: the echoed content type described the sender's body", () => {
    const out = run([{ type: 'echo' }, { type: 'respond', status: 200, body: 'got ${body}' }]);
    expect(out.headers).toEqual({ 'content-type': 'text/plain; charset=utf-8' });
  });
});
