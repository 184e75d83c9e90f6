import type { z } from 'zod';
import { CertgateError, ErrorCode } from './errors';

/** A dotted path as people write it: `parameters.roles[1]`, `steps[0].body`; `''` for the whole value. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

/** "parameters.grant-types: exactly one grant type ...; name: ..." — what a person needs to fix a request. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${fieldPath(i.path)}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * The 400 `validation_failed` of a value that failed its schema: the message names each
 * problem (after `what`, e.g. "invalid request body"), `details.issues` lists them and
 * `details.field` names the field of the first (`''` when the value as a whole is wrong).
 */
export function validationFailure(what: string, issues: readonly z.core.$ZodIssue[], extra: Record<string, unknown> = {}): CertgateError {
  const field = issues.length ? fieldPath(issues[0].path) : '';
  return new CertgateError(ErrorCode.validationFailed, `${what}: ${describeIssues(issues)}`, { field, issues, ...extra });
}
