import { CertgateError, ErrorCode, errorMessage, HTTP_STATUS_OF } from '@certgate/contracts';
import type { DataPlaneError } from '../common/data-plane-responses';
import type { TraceLevel } from '../logs/trace-log-line';
import type { RuntimeOutcome } from '../metrics/ingress-metrics';
import { isHopByHopHeader } from './header-hygiene';

/**
 * Headers of the runtime's reply that the ingress sets itself or that describe the
 * runtime's connection rather than the response.
 */
const OWN_HEADERS = new Set(['content-length', 'x-request-id']);

export function relayedHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const n = name.toLowerCase();
    if (OWN_HEADERS.has(n) || isHopByHopHeader(n)) continue;
    out[n] = headers[name];
  }
  return out;
}

/** A final HTTP status the ingress may relay (a 1xx or an out-of-range number is a broken reply). */
export function isRelayableStatus(status: number): boolean {
  return Number.isInteger(status) && status >= 200 && status <= 599;
}

export interface Refusal {
  status: number;
  body: DataPlaneError;
  outcome: RuntimeOutcome;
  trace: { level: TraceLevel; event: string; reason: string; message: string };
}

/** Error codes a runtime may answer with that say something about the request itself. */
const CLIENT_FACING: ReadonlySet<string> = new Set([
  ErrorCode.invalidClient,
  ErrorCode.unauthorized,
  ErrorCode.forbidden,
  ErrorCode.notFound,
  ErrorCode.payloadTooLarge,
]);

export const NO_RUNTIME: DataPlaneError = { error: 'service_unavailable', error_description: 'no flow runtime is available' };

/**
 * What the sender gets when the runtime call fails. A timeout is a 503, not a 504: the
 * design's outcomes name 503 for "a service unreachable" and its error list has no 504,
 * and the contracts map ErrorCode.timeout to 503; for the sender both mean "retry later".
 * Never a pass-through: an unknown failure is a 5xx.
 */
export function runtimeFailure(err: unknown, invokeSubject: string, timeoutMs: number): Refusal {
  if (!(err instanceof CertgateError)) {
    return {
      status: 500,
      body: { error: ErrorCode.internal, error_description: 'the ingress could not process the request' },
      outcome: 'error',
      trace: { level: 'error', event: 'ingress.failed', reason: ErrorCode.internal, message: errorMessage(err) },
    };
  }
  // The transport's own failures name the invoke subject; a runtime's error reply does not.
  const transport = err.details?.subject === invokeSubject;
  if (transport && err.code === ErrorCode.serviceUnavailable) {
    return {
      status: 503,
      body: NO_RUNTIME,
      outcome: 'unavailable',
      trace: { level: 'error', event: 'runtime.unavailable', reason: err.code, message: err.message },
    };
  }
  if (transport && err.code === ErrorCode.timeout) {
    return {
      status: 503,
      body: { error: 'service_unavailable', error_description: `the flow runtime did not answer within ${timeoutMs} ms` },
      outcome: 'timeout',
      trace: { level: 'error', event: 'runtime.timeout', reason: err.code, message: err.message },
    };
  }
  if (err.code === ErrorCode.serviceUnavailable || err.code === ErrorCode.timeout) {
    return {
      status: 503,
      body: { error: 'service_unavailable', error_description: 'a service needed to process the request is unavailable' },
      outcome: 'error',
      trace: { level: 'error', event: 'runtime.dependency_unavailable', reason: err.code, message: err.message },
    };
  }
  if (CLIENT_FACING.has(err.code)) {
    return {
      status: HTTP_STATUS_OF[err.code],
      body: { error: err.code, error_description: err.message },
      outcome: 'ok',
      trace: { level: 'info', event: 'runtime.denied', reason: err.code, message: err.message },
    };
  }
  return {
    status: 502,
    body: { error: 'bad_gateway', error_description: 'the flow runtime could not process the request' },
    outcome: 'error',
    trace: { level: 'error', event: 'runtime.failed', reason: err.code, message: err.message },
  };
}
