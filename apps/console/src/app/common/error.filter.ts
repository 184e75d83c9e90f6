import { Catch, HttpException, Logger, NotFoundException, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CertgateError, ErrorCode, errorMessage, HTTP_STATUS_OF, type ErrorCode as Code } from '@certgate/contracts';
import { objectPathOf } from '../audit/audit-entry';
import { AuditRecorder } from '../audit/audit-recorder';
import { bodyReadError } from './request-body';
import { routeMiss, servedRoutes } from './route-miss';

/**
 * Codes of errors the framework raises before a handler runs: a request no route takes
 * is answered by {@link routeMiss}, the body's errors by request-body.ts (415, 413,
 * `invalid_json`); these are for any other. A malformed HTTP request is `bad_request`.
 */
const CODE_OF_STATUS: Record<number, Code> = {
  400: ErrorCode.badRequest,
  401: ErrorCode.unauthorized,
  403: ErrorCode.forbidden,
  404: ErrorCode.notFound,
  405: ErrorCode.methodNotAllowed,
  413: ErrorCode.payloadTooLarge,
  415: ErrorCode.unsupportedMediaType,
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
    const { status, body } = this.toResponse(isRouteMiss(err, req) ? routeMiss(req.method, pathOf(req), servedRoutes(req.app)) : err);
    const send = () => {
      if (res.headersSent) return;
      const allowed = status === 405 ? (body.details as { allowed?: unknown } | undefined)?.allowed : undefined;
      if (Array.isArray(allowed)) res.setHeader('Allow', allowed.join(', '));
      // A route's @Header (a PEM or file download) is set before its guards' and interceptors'
      // refusals: the error is JSON whatever the route would have answered, and no attachment.
      res.removeHeader('Content-Disposition');
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.status(status).json(body);
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
    this.logger.error({ msg: 'unhandled error', error: errorMessage(err) });
    return { status: 500, body: { error: ErrorCode.internal, message: 'internal error' } };
  }
}

/**
 * Nest's answer to a request no route takes: the NotFoundException its not-found handler
 * throws (`Cannot PUT /api/v1/flows/`, the method and URL of the request; that handler
 * is itself a catch-all route, so `req.route` does not tell it apart).
 */
function isRouteMiss(err: unknown, req: Request): boolean {
  return err instanceof NotFoundException && err.message === `Cannot ${req.method} ${req.originalUrl}`;
}

/** The path as the client sent it (percent-encoded), without the query. */
const pathOf = (req: Request) => (req.originalUrl ?? req.url ?? '').split('?')[0];

/**
 * The body reader rejects a malformed or oversized body with an http-errors object
 * (status 4xx, expose=true), not a Nest HttpException: still the client's fault. The
 * console's body middleware turns them into CertgateErrors (request-body.ts); this is
 * for one that comes another way.
 */
function bodyParserError(err: unknown): { status: number; body: Record<string, unknown> } | undefined {
  const e = err as { status?: unknown; expose?: unknown; type?: unknown; message?: unknown };
  if (typeof e?.status !== 'number' || e.status < 400 || e.status >= 500 || e.expose !== true) return undefined;
  const known = bodyReadError(err);
  if (known)
    return { status: HTTP_STATUS_OF[known.code], body: { error: known.code, message: known.message, ...(known.details && { details: known.details }) } };
  const code = CODE_OF_STATUS[e.status] ?? ErrorCode.badRequest;
  return { status: e.status, body: { error: code, message: String(e.message) } };
}
