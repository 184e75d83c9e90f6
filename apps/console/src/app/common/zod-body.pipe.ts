import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { CertgateError, ErrorCode, describeIssues } from '@certgate/contracts';

/** Validates a request body against a contract schema: a 400 that names each problem. */
export class ZodBody<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    if (value === undefined || value === null) {
      throw new CertgateError(ErrorCode.badRequest, 'request body is missing: send JSON with Content-Type: application/json');
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) {
      throw new CertgateError(ErrorCode.validationFailed, `invalid request body: ${describeIssues(parsed.error.issues)}`, { issues: parsed.error.issues });
    }
    return parsed.data;
  }
}

/** Validates the query string (all of it, `@Query(new ZodQuery(schema))`): a 400 that names each problem. */
export class ZodQuery<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    const parsed = this.schema.safeParse(value ?? {});
    if (!parsed.success) {
      throw new CertgateError(ErrorCode.validationFailed, `invalid query: ${describeIssues(parsed.error.issues)}`, { issues: parsed.error.issues });
    }
    return parsed.data;
  }
}
