import { EventEmitter } from 'node:events';
import type { Duplex } from 'node:stream';
import type { IngressEnv } from '../ingress-env';
import type { InvokeService } from '../invoke/invoke.service';
import type { RequestLog } from '../logs/request-log.service';
import type { IngressMetrics } from '../metrics/ingress-metrics';
import type { OAuthEndpoints } from '../oauth/oauth-endpoints';
import type { ChainReview } from '../tls/chain-review.service';
import type { ProxiedIdentity } from '../tls/proxied-identity.service';
import type { ServerIdentity } from '../tls/server-identity.service';
import { RequestRouter } from './request-router';

/** A TLS socket as far as the parser-error path uses it. */
class FakeSocket extends EventEmitter {
  writable = true;
  remoteAddress = '::ffff:10.0.0.7';
  written: string[] = [];
  destroyed = false;
  _httpMessage?: EventEmitter & { headersSent: boolean; writableEnded: boolean };
  end(text: string) {
    this.written.push(text);
    this.writable = false;
  }
  destroy() {
    this.destroyed = true;
    this.writable = false;
  }
  getPeerX509Certificate() {
    return undefined;
  }
}

const inFlight = (state: { headersSent: boolean; writableEnded: boolean }) => Object.assign(new EventEmitter(), state);
const parserError = (code: string, reason = 'Header overflow') => Object.assign(new Error(`Parse Error: ${reason}`), { code, reason });

describe('requests the HTTP parser refused', () => {
  let router: RequestRouter;
  let traces: { event: string; reason?: string; ip?: string; requestId?: string }[];
  let answered: number[];

  beforeEach(() => {
    traces = [];
    answered = [];
    const env = { INGRESS_MAX_HEADER_BYTES: 16384, INGRESS_KEEP_ALIVE_TIMEOUT_MS: 65000 } as IngressEnv;
    const log = { trace: (t: (typeof traces)[number]) => traces.push(t) } as unknown as RequestLog;
    const metrics = { requestAnswered: (status: number) => answered.push(status) } as unknown as IngressMetrics;
    router = new RequestRouter(env, {} as InvokeService, log, metrics, {} as ServerIdentity, {} as OAuthEndpoints, {} as ChainReview, {} as ProxiedIdentity);
    jest.useFakeTimers();
  });

  afterEach(() => jest.useRealTimers());

  const refuse = (socket: FakeSocket, err: Error) => router.clientError(err, socket as unknown as Duplex);
  const statusOf = (text: string) => Number(text.split(' ')[1]);

  it('answers once on the socket, in the error shape, traces it with the same request id, then cuts the connection after the linger', () => {
    const socket = new FakeSocket();
    refuse(socket, parserError('HPE_HEADER_OVERFLOW'));
    refuse(socket, parserError('HPE_HEADER_OVERFLOW'));
    expect(socket.written).toHaveLength(1);
    const [head, body] = socket.written[0].split('\r\n\r\n');
    expect(statusOf(head)).toBe(431);
    expect(JSON.parse(body)).toMatchObject({ error: 'request_headers_too_large', details: { maxBytes: 16384 } });
    const requestId = /x-request-id: (\S+)/.exec(head)?.[1];
    expect(traces).toEqual([expect.objectContaining({ event: 'http.refused', reason: 'HPE_HEADER_OVERFLOW', ip: '10.0.0.7', requestId })]);
    expect(answered).toEqual([431]);
    expect(socket.destroyed).toBe(false);
    jest.advanceTimersByTime(2_000);
    expect(socket.destroyed).toBe(true);
  });

  it('a connection that failed, or cannot be written to, is cut without an answer', () => {
    const reset = new FakeSocket();
    refuse(reset, Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }));
    const closed = Object.assign(new FakeSocket(), { writable: false });
    refuse(closed, parserError('HPE_HEADER_OVERFLOW'));
    for (const s of [reset, closed]) expect([s.written, s.destroyed]).toEqual([[], true]);
    expect(answered).toEqual([]);
  });

  it("a timeout answers the request in progress 408, unless that request's response is under way", () => {
    const waiting = Object.assign(new FakeSocket(), { _httpMessage: inFlight({ headersSent: false, writableEnded: false }) });
    refuse(waiting, Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }));
    expect(statusOf(waiting.written[0])).toBe(408);
    const sending = Object.assign(new FakeSocket(), { _httpMessage: inFlight({ headersSent: true, writableEnded: false }) });
    refuse(sending, Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }));
    expect([sending.written, sending.destroyed]).toEqual([[], true]);
  });

  it('a pipelined request that fails to parse is answered after the response in progress, not into it', () => {
    const response = inFlight({ headersSent: true, writableEnded: false });
    const socket = Object.assign(new FakeSocket(), { _httpMessage: response });
    refuse(socket, parserError('HPE_INVALID_METHOD', 'Invalid method encountered'));
    expect(socket.written).toEqual([]);
    response.emit('finish');
    expect(statusOf(socket.written[0])).toBe(400);

    const done = Object.assign(new FakeSocket(), { _httpMessage: inFlight({ headersSent: true, writableEnded: true }) });
    refuse(done, parserError('HPE_HEADER_OVERFLOW'));
    expect(statusOf(done.written[0])).toBe(431);
  });
});
