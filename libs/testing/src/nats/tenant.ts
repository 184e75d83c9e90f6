import { randomBytes } from 'node:crypto';

/** A tenant namespace of its own for each test run (design §2), e.g. `t-e2e-1a2b3c4d`. */
export function uniqueTenant(label = 'run'): string {
  const clean =
    label
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 24) || 'run';
  return `t-${clean}-${randomBytes(4).toString('hex')}`;
}
