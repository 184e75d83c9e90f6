import { NatsError } from 'nats';
import { CertgateError, ErrorCode } from '@certgate/contracts';

/**
 * NestJS' transport and some nats.js paths reject with a string ("Error: Connection
 * lost...") or a bare object; everything that leaves this lib is an Error.
 */
export function toError(value: unknown): Error {
  if (value instanceof Error) return value;
  if (typeof value === 'string') return new Error(value.replace(/^Error:\s*/, ''));
  return new Error(`non-error rejection: ${safeStringify(value)}`);
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

/** nats.js error codes we act on (NatsError.code). */
const NO_RESPONDERS = '503';
const TIMEOUT = 'TIMEOUT';
const CONNECTION_CLOSED = 'CONNECTION_CLOSED';
const CONNECTION_DRAINING = 'CONNECTION_DRAINING';
const DISCONNECT = 'DISCONNECT';

/** Turns a failed NATS request into the error a caller can act on (never fails open). */
export function requestFailure(subject: string, err: unknown): CertgateError {
  const code = (err as { code?: string } | undefined)?.code;
  if (code === NO_RESPONDERS) {
    return new CertgateError(ErrorCode.serviceUnavailable, `no service answers on ${subject}`, { subject }, { cause: err });
  }
  if (code === TIMEOUT) {
    return new CertgateError(ErrorCode.timeout, `no reply on ${subject} in time`, { subject }, { cause: err });
  }
  if (code === CONNECTION_CLOSED || code === CONNECTION_DRAINING) {
    return new CertgateError(ErrorCode.serviceUnavailable, 'the NATS connection is closed', { subject }, { cause: err });
  }
  if (code === DISCONNECT) {
    return new CertgateError(ErrorCode.serviceUnavailable, `the NATS connection was lost before the reply on ${subject} came`, { subject }, { cause: err });
  }
  const e = toError(err);
  return new CertgateError(ErrorCode.serviceUnavailable, `request on ${subject} failed: ${e.message}`, { subject }, { cause: e });
}

const UNAVAILABLE: Record<string, string> = {
  [NO_RESPONDERS]: 'no responders',
  [TIMEOUT]: 'timed out',
  [CONNECTION_CLOSED]: 'connection closed',
  [CONNECTION_DRAINING]: 'connection draining',
  [DISCONNECT]: 'disconnected',
};

/**
 * A handler's own NATS call (a KV read or write, a JetStream request) that nobody
 * answered: while a cluster elects a new leader for a bucket, or while NATS restarts.
 * That is "try again" (503), not an internal error (500). Undefined for anything else.
 */
export function natsUnavailable(err: unknown): CertgateError | undefined {
  if (!(err instanceof NatsError)) return undefined;
  const reason = UNAVAILABLE[err.code] ?? (err.api_error?.code === 503 ? err.api_error.description : undefined);
  if (reason === undefined) return undefined;
  return new CertgateError(ErrorCode.serviceUnavailable, `NATS did not answer (${reason}); try again`, undefined, { cause: err });
}

/** JetStream API error code of a failed call, if any (`kv.create` on an existing key: 10071). */
export function jetStreamErrorCode(err: unknown): number | undefined {
  return (err as { api_error?: { err_code?: number } } | undefined)?.api_error?.err_code;
}

export const JS_WRONG_LAST_SEQUENCE = 10071;
export const JS_STREAM_NOT_FOUND = 10059;
export const JS_CONSUMER_NOT_FOUND = 10014;
