import { AlertReason, DAY_MS, decideAlert, dueThresholds, EXPIRED_THRESHOLD, expiryAt } from './thresholds';

const T = [30, 14, 7, 1];
const NOW = Date.parse('2030-01-01T00:00:00Z');
const inDays = (days: number) => NOW + days * DAY_MS;

describe('expiryAt', () => {
  it.each([
    [40, 'valid', 40],
    [30, 'expiring', 30],
    [29.5, 'expiring', 29],
    [0.5, 'expiring', 0],
    [0, 'expiring', 0],
    [-1 / DAY_MS, 'expired', -1],
    [-3.5, 'expired', -4],
  ])('%s days left → %s, daysLeft %s', (days, status, daysLeft) => {
    expect(expiryAt(inDays(days), NOW, T)).toEqual({ status, daysLeft });
  });

  it('expiring means inside the largest threshold, whatever the order of the others', () => {
    expect(expiryAt(inDays(45), NOW, [60, 7]).status).toBe('expiring');
    expect(expiryAt(inDays(45), NOW, []).status).toBe('valid');
  });
});

describe('dueThresholds', () => {
  it('lists every threshold the certificate is inside, largest first, then expiry', () => {
    expect(dueThresholds(inDays(40), NOW, T)).toEqual([]);
    expect(dueThresholds(inDays(30), NOW, T)).toEqual([30]);
    expect(dueThresholds(inDays(13), NOW, T)).toEqual([30, 14]);
    expect(dueThresholds(inDays(6), NOW, T)).toEqual([30, 14, 7]);
    expect(dueThresholds(inDays(0.1), NOW, T)).toEqual([30, 14, 7, 1]);
    expect(dueThresholds(inDays(-0.1), NOW, T)).toEqual([30, 14, 7, 1, EXPIRED_THRESHOLD]);
  });

  it('a certificate is valid through its notAfter: expired only after it', () => {
    expect(dueThresholds(NOW, NOW, T)).not.toContain(EXPIRED_THRESHOLD);
    expect(dueThresholds(NOW - 1, NOW, T)).toContain(EXPIRED_THRESHOLD);
  });
});

describe('decideAlert', () => {
  const decide = (days: number, raised: number[] = [], muted = false) =>
    decideAlert({ notAfterMs: inDays(days), nowMs: NOW, thresholds: T, muted, isRaised: (t) => raised.includes(t) });

  it('nothing is due outside every threshold', () => {
    expect(decide(31)).toEqual({ reason: AlertReason.notDue });
  });

  it('first seen inside several thresholds: one event, for the tightest; the looser ones are marked', () => {
    expect(decide(6)).toEqual({ reason: AlertReason.due, threshold: 7, markRaised: [30, 14, 7] });
    expect(decide(0.5)).toEqual({ reason: AlertReason.due, threshold: 1, markRaised: [30, 14, 7, 1] });
    expect(decide(-2)).toEqual({ reason: AlertReason.due, threshold: EXPIRED_THRESHOLD, markRaised: [30, 14, 7, 1, EXPIRED_THRESHOLD] });
  });

  it('moving across the next threshold raises that one only, marking only what is not marked yet', () => {
    expect(decide(29, [])).toMatchObject({ threshold: 30 });
    expect(decide(20, [30])).toEqual({ reason: AlertReason.alreadyRaised });
    expect(decide(13, [30])).toEqual({ reason: AlertReason.due, threshold: 14, markRaised: [14] });
    expect(decide(-1, [30, 14, 7, 1])).toEqual({ reason: AlertReason.due, threshold: EXPIRED_THRESHOLD, markRaised: [EXPIRED_THRESHOLD] });
  });

  it('the tightest one raised: nothing, even if a looser one was never marked', () => {
    expect(decide(6, [7])).toEqual({ reason: AlertReason.alreadyRaised });
  });

  it('a muted source raises and marks nothing', () => {
    expect(decide(6, [], true)).toEqual({ reason: AlertReason.muted });
    expect(decide(40, [], true)).toEqual({ reason: AlertReason.notDue });
  });
});
