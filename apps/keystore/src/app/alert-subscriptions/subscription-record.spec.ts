import { KeyVault } from '../vault/key-vault';
import { secretSealLabel, storedSubscriptionSchema, subscriptionView, subscriptionWants, withDelivered, withFailedAttempt } from './subscription-record';

describe('subscription record', () => {
  it('filters by source and by threshold (0 = expired); absent filters take everything', () => {
    const flowExpiry = { source: 'flow' as const, threshold: 0 };
    const keystore7 = { source: 'keystore' as const, threshold: 7 };
    expect(subscriptionWants({}, flowExpiry)).toBe(true);
    expect(subscriptionWants({ sources: ['flow'] }, flowExpiry)).toBe(true);
    expect(subscriptionWants({ sources: ['flow'] }, keystore7)).toBe(false);
    expect(subscriptionWants({ thresholds: [7, 1] }, keystore7)).toBe(true);
    expect(subscriptionWants({ thresholds: [7, 1] }, flowExpiry)).toBe(false);
    expect(subscriptionWants({ sources: ['keystore'], thresholds: [0] }, keystore7)).toBe(false);
    expect(subscriptionWants({ sources: ['keystore', 'flow'], thresholds: [0, 7] }, keystore7)).toBe(true);
  });

  it('never shows the secret, and the sealed secret opens only for its own subscription', () => {
    const vault = new KeyVault('m'.repeat(32));
    const stored = storedSubscriptionSchema.parse({
      id: 'abc',
      url: 'https://hooks.example/x',
      createdAt: new Date(0).toISOString(),
      consumer: 'webhook-abc',
      secret: vault.seal(secretSealLabel('abc'), 'the-secret-value-0123456789'),
    });
    const view = subscriptionView(stored);
    expect(view).toEqual({
      id: 'abc',
      url: 'https://hooks.example/x',
      createdAt: new Date(0).toISOString(),
      consumer: 'webhook-abc',
      deliveries: { delivered: 0, failedAttempts: 0 },
    });
    expect(JSON.stringify(stored)).not.toContain('the-secret-value');
    expect(vault.open(secretSealLabel('abc'), stored.secret)).toBe('the-secret-value-0123456789');
    expect(() => vault.open(secretSealLabel('abd'), stored.secret)).toThrow(/cannot be decrypted/);
    expect(() => vault.open('abc', stored.secret)).toThrow(/cannot be decrypted/);
  });

  it('counts deliveries and failed attempts, keeping the last error, and shows what is pending', () => {
    const stored = storedSubscriptionSchema.parse({
      id: 'abc',
      url: 'https://hooks.example/x',
      createdAt: new Date(0).toISOString(),
      consumer: 'webhook-abc',
      secret: new KeyVault('m'.repeat(32)).seal(secretSealLabel('abc'), 'the-secret-value-0123456789'),
    });
    const failed = withFailedAttempt(stored, 'receiver answered HTTP 503', 'T1');
    const delivered = withDelivered(withFailedAttempt(failed, 'connection refused', 'T2'), 7, 'T3');
    expect(delivered.deliveredThrough).toBe(7);
    expect(subscriptionView(delivered, 2).deliveries).toEqual({
      delivered: 1,
      failedAttempts: 2,
      lastFailedAt: 'T2',
      lastError: 'connection refused',
      lastDeliveredAt: 'T3',
      pending: 2,
    });
    expect(storedSubscriptionSchema.parse(delivered)).toEqual(delivered);
  });
});
