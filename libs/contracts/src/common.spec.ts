import { roleNameSchema } from './common';

describe('role names', () => {
  it.each(['ESBMessaging.send', 'Role1', 'a.b.c', 'orders_v2-write'])('accepts %s', (name) => {
    expect(roleNameSchema.safeParse(name).success).toBe(true);
  });

  // Regression: a role name is part of a KV key (`role.<name>`); these once passed
  // validation and then failed inside NATS with a 500.
  it.each(['a..b', 'Role.', '.Role', 'has space', 'x'.repeat(65), ''])('refuses %j', (name) => {
    expect(roleNameSchema.safeParse(name).success).toBe(false);
  });
});
