import { healthContract, healthDiscoverContract, healthReplySchema, healthRequestSchema } from './health';

const reply = {
  service: 'identity',
  nodeId: 'n1',
  status: 'up',
  version: '0.1.0',
  startedAt: new Date(0).toISOString(),
  uptimeSeconds: 3,
  checks: { nats: { status: 'up' } },
};

describe('health contracts', () => {
  it('health is per service, discovery is one subject for all', () => {
    expect(healthContract('keystore').subject).toBe('keystore.health.v1');
    expect(healthDiscoverContract.subject).toBe('health.discover.v1');
  });

  it('the request is an empty object and nothing else', () => {
    expect(healthRequestSchema.safeParse({}).success).toBe(true);
    expect(healthRequestSchema.safeParse({ extra: 1 }).success).toBe(false);
  });

  it('the reply schema accepts a full reply and refuses unknown services, statuses and negative uptime', () => {
    expect(healthReplySchema.safeParse(reply).success).toBe(true);
    expect(healthReplySchema.safeParse({ ...reply, service: 'mailer' }).success).toBe(false);
    expect(healthReplySchema.safeParse({ ...reply, status: 'down' }).success).toBe(false);
    expect(healthReplySchema.safeParse({ ...reply, uptimeSeconds: -1 }).success).toBe(false);
    expect(healthReplySchema.safeParse({ ...reply, checks: { nats: { status: 'maybe' } } }).success).toBe(false);
  });
});
