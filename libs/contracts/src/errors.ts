import { z } from 'zod';

/**
 * Stable error codes shared by every service. A code says what went wrong to a
 * program; the message next to it says it to a person and never carries secrets.
 */
export const ErrorCode = {
  badRequest: 'bad_request',
  validationFailed: 'validation_failed',
  unauthorized: 'unauthorized',
  invalidClient: 'invalid_client',
  forbidden: 'forbidden',
  notFound: 'not_found',
  conflict: 'conflict',
  payloadTooLarge: 'payload_too_large',
  serviceUnavailable: 'service_unavailable',
  timeout: 'timeout',
  /** A host the operator asked certgate to reach (connectivity test) did not answer or refused. */
  unreachable: 'unreachable',
  internal: 'internal_error',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const HTTP_STATUS_OF: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthorized: 401,
  invalid_client: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  service_unavailable: 503,
  timeout: 503,
  unreachable: 502,
  internal_error: 500,
};

export const errorBodySchema = z.object({
  code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** A failure that crosses a service boundary: carried over NATS and mapped to HTTP once. */
export class CertgateError extends Error {
  override readonly name = 'CertgateError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  get httpStatus(): number {
    return HTTP_STATUS_OF[this.code];
  }

  toBody(): ErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static fromBody(body: ErrorBody): CertgateError {
    return new CertgateError(body.code, body.message, body.details);
  }
}

/**
 * The text of anything thrown, for logs and messages: an Error's message, a string
 * as it is (NATS and NestJS reject with strings at times), anything else as JSON.
 */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err) ?? String(err);
  } catch {
    return String(err);
  }
}
