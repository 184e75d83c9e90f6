import { ErrorCode as NatsErrorCode, NatsError } from 'nats';
import { CertgateError } from '@certgate/contracts';
import { JS_STREAM_NOT_FOUND, JS_WRONG_LAST_SEQUENCE, jetStreamErrorCode, natsUnavailable, requestFailure, toError } from './errors';

describe('toError', () => {
  it('passes an Error through as the same object', () => {
    const err = new TypeError('boom');
    expect(toError(err)).toBe(err);
  });

  it('passes a CertgateError through unchanged', () => {
    const err = new CertgateError('conflict', 'taken');
    expect(toError(err)).toBe(err);
  });

  it('turns the string rejection of Nest\'s NATS transport into an Error without the "Error: " prefix', () => {
    const err = toError('Error: Connection lost while waiting for a reply');
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('Connection lost while waiting for a reply');
  });

  it('keeps a string without the prefix as it is', () => {
    expect(toError('plain text').message).toBe('plain text');
  });

  it('only strips a leading "Error:" prefix', () => {
    expect(toError('TypeError: x').message).toBe('TypeError: x');
    expect(toError('failed: Error: inner').message).toBe('failed: Error: inner');
  });

  it('wraps an object rejection and shows it as JSON', () => {
    const err = toError({ code: 'X', reason: 'gone' });
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toBe('non-error rejection: {"code":"X","reason":"gone"}');
  });

  it('wraps undefined, null and numbers', () => {
    expect(toError(undefined).message).toBe('non-error rejection: undefined');
    expect(toError(null).message).toBe('non-error rejection: null');
    expect(toError(42).message).toBe('non-error rejection: 42');
  });

  it('does not throw on values JSON cannot show (circular, bigint)', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(toError(circular)).toBeInstanceOf(Error);
    expect(toError(10n).message).toBe('non-error rejection: 10');
  });
});

describe('requestFailure', () => {
  const subject = 'certgate.t1.identity.x.v1';

  it('no responders (nats.js code "503") → service_unavailable naming the subject', () => {
    const cause = NatsError.errorForCode(NatsErrorCode.NoResponders);
    expect(cause.code).toBe('503');
    const err = requestFailure(subject, cause);
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.code).toBe('service_unavailable');
    expect(err.httpStatus).toBe(503);
    expect(err.message).toBe(`no service answers on ${subject}`);
    expect(err.details).toEqual({ subject });
    expect(err.cause).toBe(cause);
  });

  it('nats.js TIMEOUT → timeout', () => {
    const cause = NatsError.errorForCode(NatsErrorCode.Timeout);
    const err = requestFailure(subject, cause);
    expect(err.code).toBe('timeout');
    expect(err.message).toBe(`no reply on ${subject} in time`);
    expect(err.cause).toBe(cause);
  });

  it.each([[NatsErrorCode.ConnectionClosed], [NatsErrorCode.ConnectionDraining]])('%s → service_unavailable "connection is closed"', (code) => {
    const err = requestFailure(subject, NatsError.errorForCode(code));
    expect(err.code).toBe('service_unavailable');
    expect(err.message).toBe('the NATS connection is closed');
    expect(err.details).toEqual({ subject });
  });

  it('DISCONNECT (the reply went to a server that is gone) → service_unavailable naming the subject', () => {
    const err = requestFailure(subject, NatsError.errorForCode(NatsErrorCode.Disconnect));
    expect(err.code).toBe('service_unavailable');
    expect(err.message).toBe(`the NATS connection was lost before the reply on ${subject} came`);
    expect(err.details).toEqual({ subject });
  });

  it('an unknown failure is service_unavailable (never fails open) with the cause as an Error', () => {
    const err = requestFailure(subject, 'Error: Connection lost');
    expect(err.code).toBe('service_unavailable');
    expect(err.message).toBe(`request on ${subject} failed: Connection lost`);
    expect(err.cause).toBeInstanceOf(Error);
    expect((err.cause as Error).message).toBe('Connection lost');
  });

  it('does not choke on undefined or null', () => {
    expect(requestFailure(subject, undefined).code).toBe('service_unavailable');
    expect(requestFailure(subject, null).code).toBe('service_unavailable');
  });

  it('does not pass a remote HTTP-like status through', () => {
    // a 400/404-looking code is not "no responders"
    expect(requestFailure(subject, { code: '404', message: 'nope' }).code).toBe('service_unavailable');
    expect(requestFailure(subject, { code: 503 }).message).toMatch(/^request on .* failed/);
  });
});

describe('jetStreamErrorCode', () => {
  it('reads api_error.err_code', () => {
    expect(jetStreamErrorCode({ api_error: { code: 400, err_code: 10071, description: 'wrong last sequence: 5' } })).toBe(JS_WRONG_LAST_SEQUENCE);
    expect(jetStreamErrorCode({ api_error: { code: 404, err_code: 10059 } })).toBe(JS_STREAM_NOT_FOUND);
  });

  it('is undefined for errors without an API error', () => {
    expect(jetStreamErrorCode(new Error('wrong last sequence'))).toBeUndefined();
    expect(jetStreamErrorCode(undefined)).toBeUndefined();
    expect(jetStreamErrorCode(null)).toBeUndefined();
    expect(jetStreamErrorCode({ api_error: {} })).toBeUndefined();
  });

  it('uses the documented JetStream codes', () => {
    expect(JS_WRONG_LAST_SEQUENCE).toBe(10071);
    expect(JS_STREAM_NOT_FOUND).toBe(10059);
  });
});

describe('natsUnavailable', () => {
  it.each([
    [NatsErrorCode.NoResponders, 'no responders'],
    [NatsErrorCode.Timeout, 'timed out'],
    [NatsErrorCode.ConnectionClosed, 'connection closed'],
    [NatsErrorCode.Disconnect, 'disconnected'],
  ])("a handler's NATS call failing with %s (a bucket without leader, NATS restarting) → service_unavailable, try again", (code, reason) => {
    const cause = NatsError.errorForCode(code);
    const err = natsUnavailable(cause);
    expect(err).toBeInstanceOf(CertgateError);
    expect(err?.code).toBe('service_unavailable');
    expect(err?.httpStatus).toBe(503);
    expect(err?.message).toBe(`NATS did not answer (${reason}); try again`);
    expect(err?.cause).toBe(cause);
  });

  it('a JetStream API error with HTTP-like code 503 → service_unavailable with its description', () => {
    const cause = new NatsError('jetstream unavailable', '503');
    cause.api_error = { code: 503, err_code: 10008, description: 'JetStream system temporarily unavailable' };
    expect(natsUnavailable(cause)?.message).toBe('NATS did not answer (no responders); try again');
    const other = new NatsError('x', 'JS_API_ERROR' as NatsErrorCode);
    other.api_error = { code: 503, err_code: 10008, description: 'JetStream system temporarily unavailable' };
    expect(natsUnavailable(other)?.message).toBe('NATS did not answer (JetStream system temporarily unavailable); try again');
  });

  it('leaves everything else alone: a wrong last sequence, a plain Error, a CertgateError, strings', () => {
    const wrongSeq = new NatsError('wrong last sequence', '400');
    wrongSeq.api_error = { code: 400, err_code: 10071, description: 'wrong last sequence: 5' };
    expect(natsUnavailable(wrongSeq)).toBeUndefined();
    expect(natsUnavailable(new Error('TIMEOUT'))).toBeUndefined();
    expect(natsUnavailable(new CertgateError('conflict', 'taken'))).toBeUndefined();
    expect(natsUnavailable('503')).toBeUndefined();
    expect(natsUnavailable(undefined)).toBeUndefined();
  });
});
