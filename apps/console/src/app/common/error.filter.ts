import { Catch, HttpException, Logger, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CertgateError, ErrorCode, errorMessage, HTTP_STATUS_OF, type ErrorCode as Code } from '@certgate/contracts';
import { objectPathOf } from '../audit/audit-entry';
import { AuditRecorder } from '../audit/audit-recorder';

/**
 * Codes of errors the framework raises before a handler runs (routing, body parsing):
 * no such route is `not_found`, a body over 1 MiB `payload_too_large`; a body that is not
 * JSON is `invalid_json` (below). Any other malformed HTTP request is `bad_request`.
 */
const CODE_OF_STATUS: Record<number, Code> = {
  400: ErrorCode.badRequest,
  401: ErrorCode.unauthorized,
  403: ErrorCode.forbidden,
  404: ErrorCode.notFound,
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

  constructor(@Optional() private readonly audit?: AuditRecorder) {}

  catch(err: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.toResponse(err);
    const send = () => {
      if (!res.headersSent) res.status(status).json(body);
    };
    if (!this.audit?.pending(req)) return send();
    const details = body.details as { permission?: unknown } | undefined;
    // A refused or failed change is recorded too (401, 403, 409, ...): before the answer, so a caller that reads the trail next finds it.
    this.audit
      .record(
        req,
        { object: objectPathOf(req), ...(typeof details?.permission === 'string' && { permission: details.permission }) },
        { status, code: String(body.error), message: String(body.message) },
      )
      .catch(() => undefined)
      .finally(send);
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
    this.logger.error({ msg: 'unhandled error', error: errorMessage(err), stack: (err as Error).stack });
    return { status: 500, body: { error: ErrorCode.internal, message: 'internal error' } };
  }
}

/**
 * Express error middleware, right after the JSON body parser: a body that is not JSON
 * becomes `invalid_json` here, because Nest would turn the parser's SyntaxError into a
 * plain 400 that can no longer be told apart from other malformed requests.
 */
export function jsonBodyErrors(err: unknown, _req: unknown, _res: unknown, next: (err: unknown) => void): void {
  const e = err as { type?: unknown; message?: unknown } | undefined;
  next(e?.type === 'entity.parse.failed' ? new CertgateError(ErrorCode.invalidJson, `request body is not valid JSON: ${String(e.message)}`) : err);
}

/**
 * Express' body parser rejects a malformed or oversized body with an http-errors
 * object (status 4xx, expose=true), not a Nest HttpException: still the client's fault.
 */
function bodyParserError(err: unknown): { status: number; body: Record<string, unknown> } | undefined {
  const e = err as { status?: unknown; expose?: unknown; type?: unknown; message?: unknown };
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500 || e.expose !== true) return undefined;
  if (e.type === 'entity.parse.failed')
    return { status: 400, body: { error: ErrorCode.invalidJson, message: `request body is not valid JSON: ${String(e.message)}` } };
  const code = CODE_OF_STATUS[e.status] ?? ErrorCode.badRequest;
  return { status: e.status, body: { error: code, message: String(e.message) } };
}
