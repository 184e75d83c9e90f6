import { invokeRequestSchema } from '@certgate/contracts';
import { flowAddress, invokeEnvelope, splitTarget } from './invoke-envelope';

describe('request envelope', () => {
  it('splits path and query', () => {
    expect(splitTarget('/http/orders?id=1&x=%20')).toEqual({ path: '/http/orders', query: 'id=1&x=%20' });
    expect(splitTarget('/http/orders')).toEqual({ path: '/http/orders', query: '' });
    expect(splitTarget('/http/orders?')).toEqual({ path: '/http/orders', query: '' });
  });

  it('the flow address is the path below /http', () => {
    expect(flowAddress('/http/orders')).toBe('/orders');
    expect(flowAddress('/http/a/b/c')).toBe('/a/b/c');
    expect(flowAddress('/http/')).toBe('/');
    expect(flowAddress('/http')).toBe('/');
  });

  it('other paths are no flow call', () => {
    expect(flowAddress('/httpx/orders')).toBeUndefined();
    expect(flowAddress('/health')).toBeUndefined();
    expect(flowAddress('/HTTP/orders')).toBeUndefined();
    expect(flowAddress('/')).toBeUndefined();
  });

  it("carries everything the runtime needs, passes its schema, no identity header, and the ingress' own x-request-id", () => {
    const envelope = invokeEnvelope({
      requestId: 'r-1',
      nodeId: 'ingress-1',
      method: 'POST',
      address: '/orders',
      query: 'id=1',
      headers: {
        'content-type': 'application/json',
        authorization: 'Basic eDp5',
        'x-forwarded-client-cert': 'Hash=forged;Subject="CN=admin"',
        ssl_client_cert: 'forged',
        'x-request-id': 'forged-id',
        'x-certgate-principal': 'forged',
        connection: 'keep-alive',
      },
      body: Buffer.from('{"a":1}'),
      clientAddress: '10.0.0.9',
      tls: { status: 'none' },
    });
    expect(envelope).toEqual({
      requestId: 'r-1',
      nodeId: 'ingress-1',
      method: 'POST',
      address: '/orders',
      query: 'id=1',
      headers: { 'content-type': 'application/json', authorization: 'Basic eDp5', 'x-request-id': 'r-1' },
      body: Buffer.from('{"a":1}'),
      clientAddress: '10.0.0.9',
      tls: { status: 'none' },
    });
    expect(invokeRequestSchema.parse(envelope)).toEqual(envelope);
  });

  it('passes the body on as it came, without a copy (the wire frames it as bytes)', () => {
    const base = { requestId: 'r', nodeId: 'n', method: 'GET', address: '/', query: '', headers: {}, clientAddress: 'ip', tls: { status: 'none' as const } };
    const binary = Buffer.from([0, 255, 1, 254]);
    expect(invokeEnvelope({ ...base, body: binary }).body).toBe(binary);
  });
});
