import { Injectable, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import type { Request, Response } from 'express';
import { from, mergeMap, type Observable } from 'rxjs';
import { CertgateError, ErrorCode } from '@certgate/contracts';
import { PERMISSION_METADATA } from '../common/requires.decorator';
import { objectPathOf } from './audit-entry';
import { AuditRecorder } from './audit-recorder';
import { digestOf, ObjectDigests } from './object-digests';

const hasDigestableBody = (body: unknown) => body !== undefined && !(body instanceof StreamableFile) && !Buffer.isBuffer(body);

/**
 * One audit record per change, written before the answer leaves. Before the handler
 * runs, the chain's head is read: a trail that cannot be written refuses the change
 * (fail closed) with nothing changed. The object is read before and after the change,
 * so the record carries digests of both. Refusals and failures are recorded by the
 * error filter.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly recorder: AuditRecorder,
    private readonly digests: ObjectDigests,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    if (!this.recorder.pending(req)) return next.handle();
    const res = context.switchToHttp().getResponse<Response>();
    const handler = context.getHandler();
    const permission = Reflect.getMetadata(PERMISSION_METADATA, handler) as string | undefined;
    const fixedStatus = Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined;
    const object = objectPathOf(req);
    const start = async () => {
      try {
        await this.recorder.stream.assertWritable();
      } catch (err) {
        this.recorder.settle(req);
        throw err;
      }
      const before = req.method === 'POST' ? undefined : await this.digests.of(req, object);
      // Should the handler refuse, the error filter writes the record: with these.
      this.recorder.note(req, { ...(permission && { permission }), ...(before && { before }) });
      return before;
    };
    return from(start()).pipe(
      mergeMap((before) =>
        next.handle().pipe(
          mergeMap(async (body: unknown) => {
            const status = fixedStatus ?? (res.statusCode !== 200 ? res.statusCode : req.method === 'POST' ? 201 : 200);
            const created = req.method === 'POST' ? this.digests.createdPath(object, body) : undefined;
            const target = created ?? object;
            const after =
              req.method === 'DELETE' ? undefined : ((await this.digests.of(req, target)) ?? (hasDigestableBody(body) ? digestOf(body) : undefined));
            try {
              await this.recorder.record(
                req,
                { object: target, ...(permission && { permission }), ...(before && { before }), ...(after && { after }) },
                { status },
              );
            } catch (err) {
              const reason = err instanceof CertgateError ? err.message : 'the audit trail did not answer';
              throw new CertgateError(ErrorCode.auditUnavailable, `the change was made, but its audit record could not be written: ${reason}`);
            }
            return body;
          }),
        ),
      ),
    );
  }
}
