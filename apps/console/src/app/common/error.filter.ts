import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { CertgateError, ErrorCode, errorMessage, HTTP_STATUS_OF, type ErrorCode as Code } from '@certgate/contracts';

const CODE_OF_STATUS: Record<number, Code> = {
  400: ErrorCode.badRequest,
  401: ErrorCode.unauthorized,
  403: ErrorCode.forbidden,
  404: ErrorCode.notFound,
  409: ErrorCode.conflict,
  413: ErrorCode.payloadTooLarge,
  503: ErrorCode.serviceUnavailable,
};

/**
 * The one place errors become HTTP: `{"error", "message", "details"?}` (design §7).
 * Unknown errors are logged and answered as a bare 500, never with their text.
 */
@Catch()
export class ApiErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  catch(err: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(err);
    res.status(status).json(body);
  }

  private toResponse(err: unknown): { status: number; body: Record<string, unknown> } {
    if (err instanceof CertgateError) {
      return { status: HTTP_STATUS_OF[err.code], body: { error: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) } };
    }
    if (err instanceof HttpException) {
      const status = err.getStatus();
      const code = CODE_OF_STATUS[status] ?? (status < 500 ? ErrorCode.badRequest : ErrorCode.internal);
      // Body-parser and routing errors from Express/Nest: keep their message, it names the problem.
      return { status, body: { error: code, message: err.message } };
    }
    const clientError = bodyParserError(err);
    if (clientError) return clientError;
    this.logger.error({ msg: 'unhandled error', error: errorMessage(err) });
    return { status: 500, body: { error: ErrorCode.internal, message: 'internal error' } };
  }
}

/**
 * Express' body parser rejects a malformed or oversized body with an http-errors
 * object (status 4xx, expose=true), not a Nest HttpException: still the client's fault.
 */
function bodyParserError(err: unknown): { status: number; body: Record<string, unknown> } | undefined {
  const e = err as { status?: unknown; expose?: unknown; type?: unknown; message?: unknown };
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500 || e.expose !== true) return undefined;
  const code = CODE_OF_STATUS[e.status] ?? ErrorCode.badRequest;
  const message = e.type === 'entity.parse.failed' ? `request body is not valid JSON: ${String(e.message)}` : String(e.message);
  return { status: e.status, body: { error: code, message } };
}
