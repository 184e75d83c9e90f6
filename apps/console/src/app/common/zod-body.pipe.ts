import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { CertgateError, ErrorCode, validationFailure } from '@certgate/contracts';

/** Validates a request body against a contract schema: a 400 that names each problem (`details.field`: the first). */
export class ZodBody<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.output<S> {
    if (value === undefined || value === null) {
      throw new CertgateError(ErrorCode.bodyMissing, 'request body is missing: send JSON with Content-Type: application/json');
    }
    const parsed = this.schema.safeParse(value);
    if (!parsed.success) throw validationFailure('invalid request body', parsed.error.issues);
    return parsed.data;
  }
}
