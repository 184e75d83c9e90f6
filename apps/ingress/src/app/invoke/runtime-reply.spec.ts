import { CertgateError, ErrorCode } from '@certgate/contracts';
import { isRelayableStatus, NO_RUNTIME, relayedHeaders, runtimeFailure } from './runtime-reply';

const SUBJECT = 'certgate.t1.runtime.invoke.v2';

describe("the runtime's reply", () => {
  it('relays headers but hop-by-hop ones, content-length and x-request-id (the ingress sets those)', () => {
    expect(
      relayedHeaders({
        'Content-Type': 'text/plain',
        'x-flow': 'orders',
        connection: 'close',
        'Transfer-Encoding': 'chunked',
        'content-length': '999',
        'x-request-id': 'spoofed',
        'proxy-authenticate': 'Basic',
      }),
    ).toEqual({ 'content-type': 'text/plain', 'x-flow': 'orders' });
  });

  it('relays final statuses only', () => {
    expect([200, 201, 204, 302, 401, 404, 502, 599].every(isRelayableStatus)).toBe(true);
    expect([100, 199, 600, 0, -1, 200.5].some(isRelayableStatus)).toBe(false);
  });

  describe('failures', () => {
    it('nobody serving invoke → 503 no flow runtime is available', () => {
      const err = new CertgateError(ErrorCode.serviceUnavailable, `no service answers on ${SUBJECT}`, { subject: SUBJECT });
      expect(runtimeFailure(err, SUBJECT, 10_000)).toMatchObject({ status: 503, body: NO_RUNTIME, outcome: 'unavailable' });
      expect(NO_RUNTIME).toEqual({ error: 'service_unavailable', error_description: 'no flow runtime is available' });
    });

    it('a timeout → 503 naming the wait, not 504', () => {
      const err = new CertgateError(ErrorCode.timeout, `no reply on ${SUBJECT} in time`, { subject: SUBJECT });
      expect(runtimeFailure(err, SUBJECT, 1500)).toMatchObject({
        status: 503,
        body: { error: 'service_unavailable', error_description: 'the flow runtime did not answer within 1500 ms' },
        outcome: 'timeout',
        trace: { reason: 'timeout' },
      });
    });

    it("the runtime's own dependency being out is a 503 that does not blame the runtime", () => {
      const err = new CertgateError(ErrorCode.serviceUnavailable, 'no service answers on certgate.t1.identity.principal.resolve.v1', {
        subject: 'certgate.t1.identity.principal.resolve.v1',
      });
      const out = runtimeFailure(err, SUBJECT, 10_000);
      expect(out.status).toBe(503);
      expect(out.body.error_description).not.toContain('certgate.t1');
    });

    it.each([
      [ErrorCode.invalidClient, 401],
      [ErrorCode.forbidden, 403],
      [ErrorCode.notFound, 404],
    ])('a runtime error reply %s is mapped to %i in the OAuth shape', (code, status) => {
      const out = runtimeFailure(new CertgateError(code, 'because'), SUBJECT, 10_000);
      expect(out).toMatchObject({ status, body: { error: code, error_description: 'because' } });
    });

    it.each([ErrorCode.validationFailed, ErrorCode.badRequest, ErrorCode.internal, ErrorCode.conflict])(
      '%s from the runtime is its failure, a 502, never a 400',
      (code) => {
        const out = runtimeFailure(new CertgateError(code, 'internal detail'), SUBJECT, 10_000);
        expect(out.status).toBe(502);
        expect(out.body.error_description).not.toContain('internal detail');
        expect(out.trace.message).toBe('internal detail');
      },
    );

    it('anything else is a 500 without internals', () => {
      const out = runtimeFailure(new TypeError('x is undefined'), SUBJECT, 10_000);
      expect(out.status).toBe(500);
      expect(JSON.stringify(out.body)).not.toContain('undefined');
    });
  });
});
