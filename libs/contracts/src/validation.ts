import type { z } from 'zod';

/** "parameters.grant-types: exactly one grant type ...; name: ..." — what a person needs to fix a request. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}
