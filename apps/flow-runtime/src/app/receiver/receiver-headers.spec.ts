import { receiverRequestHeaders, senderResponseHeaders } from './receiver-headers';

describe('receiver request headers', () => {
  const body = Buffer.from('{"a":1}');

  it('the message headers go on with the request id and the body length', () => {
    expect(receiverRequestHeaders({ 'content-type': 'application/json', 'x-order': '7' }, 'req-1', body)).toEqual({
      'content-type': 'application/json',
      'x-order': '7',
      'x-request-id': 'req-1',
      'content-length': 7,
    });
  });

  it("never the sender's credentials or identity headers, even when a step copied them", () => {
    const sent = receiverRequestHeaders(
      {
        authorization: 'Basic c2VjcmV0',
        'proxy-authorization': 'Basic eA==',
        cookie: 'session=1',
        'x-forwarded-client-cert': 'Hash=..',
        'x-ssl-client-s-dn': 'CN=x',
        'client-cert': ':MII=:',
        forwarded: 'for=1.2.3.4',
        'x-keep': 'yes',
      },
      'req-1',
      body,
    );
    expect(Object.keys(sent).sort()).toEqual(['content-length', 'x-keep', 'x-request-id']);
  });

  it('the request id is ours, and host and framing headers are never taken from the message', () => {
    const sent = receiverRequestHeaders(
      { 'x-request-id': 'forged', host: 'evil.example', 'content-length': '999', connection: 'close', 'transfer-encoding': 'chunked' },
      'req-2',
      body,
    );
    expect(sent).toEqual({ 'x-request-id': 'req-2', 'content-length': 7 });
  });
});

describe('sender response headers', () => {
  it("the receiver's headers come back without the hop-by-hop ones and the length", () => {
    expect(
      senderResponseHeaders({
        'content-type': 'text/plain',
        'content-length': '5',
        connection: 'keep-alive',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        'x-receiver': 'r1',
      }),
    ).toEqual({ 'content-type': 'text/plain', 'x-receiver': 'r1' });
  });

  it('headers named in Connection are hop-by-hop too (RFC 9110 §7.6.1)', () => {
    expect(senderResponseHeaders({ connection: 'close, X-Hop', 'x-hop': '1', 'x-end': '2' })).toEqual({ 'x-end': '2' });
  });

  it('repeated fields are joined into one value', () => {
    expect(senderResponseHeaders({ 'set-cookie': ['a=1', 'b=2'], vary: 'accept' })).toEqual({ 'set-cookie': 'a=1, b=2', vary: 'accept' });
  });
});
