import { z } from 'zod';
import { describeIssues, fieldPath, validationFailure } from './validation';

describe('fieldPath', () => {
  it.each<[PropertyKey[], string]>([
    [[], ''],
    [['name'], 'name'],
    [['parameters', 'roles', 1], 'parameters.roles[1]'],
    [['steps', 0, 'body'], 'steps[0].body'],
    [[2, 'pem'], '[2].pem'],
  ])('%j → %s', (path, text) => {
    expect(fieldPath(path)).toBe(text);
  });
});

describe('validationFailure', () => {
  const schema = z.object({ name: z.string(), parameters: z.object({ roles: z.array(z.string().min(2)) }) }).strict();

  it('validation_failed naming every problem, details.field the first, details.issues all', () => {
    const parsed = schema.safeParse({ name: 'a', parameters: { roles: ['ok', 'x'] } });
    expect(parsed.success).toBe(false);
    const issues = parsed.error?.issues ?? [];
    const err = validationFailure('invalid request body', issues);
    expect(err.code).toBe('validation_failed');
    expect(err.httpStatus).toBe(400);
    expect(err.message).toBe(`invalid request body: ${describeIssues(issues)}`);
    expect(err.message).toMatch(/^invalid request body: parameters\.roles\[1\]: /);
    expect(err.details).toEqual({ field: 'parameters.roles[1]', issues });
  });

  it("a value wrong as a whole names the field ''", () => {
    const issues = z.object({}).safeParse('text').error?.issues ?? [];
    expect(validationFailure('invalid request body', issues).details).toMatchObject({ field: '' });
  });
});
