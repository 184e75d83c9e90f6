import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, weeklyExpiries, WEEKS } from './timeline';

const NOW = Date.parse('2026-03-02T10:00:00Z');
const cert = (daysLeft: number) => ({ daysLeft, status: daysLeft < 0 ? 'expired' : daysLeft <= 30 ? 'expiring' : 'valid' });

describe('the expiry timeline', () => {
  it('counts the next 12 months per week, split by status, with expired and later apart', () => {
    const t = weeklyExpiries([cert(-3), cert(0), cert(6), cert(7), cert(10), cert(30), cert(31), cert(363), cert(364), cert(900)], DEFAULT_THRESHOLDS, NOW);
    expect(t.bins).toHaveLength(WEEKS);
    expect(t.bins[0]).toEqual({ week: '2 Mar', fromDay: 0, expiring: 2, valid: 0 });
    expect(t.bins[1]).toMatchObject({ week: '9 Mar', expiring: 2 });
    expect(t.bins[4]).toMatchObject({ week: '30 Mar', expiring: 1, valid: 1 });
    expect(t.bins[51]).toMatchObject({ fromDay: 357, valid: 1 });
    expect(t).toMatchObject({ expired: 1, later: 2, within12Months: 7 });
    expect(new Set(t.bins.map((b) => b.week)).size).toBe(WEEKS);
  });

  it('puts each alert threshold on the week it falls in, sharing a line when two fall in one week', () => {
    expect(weeklyExpiries([], DEFAULT_THRESHOLDS, NOW).thresholds).toEqual([
      { week: '30 Mar', days: [30], label: '30 d' },
      { week: '16 Mar', days: [14], label: '14 d' },
      { week: '9 Mar', days: [7], label: '7 d' },
      { week: '2 Mar', days: [1], label: '1 d' },
    ]);
    expect(weeklyExpiries([], [3, 1, 400], NOW).thresholds).toEqual([{ week: '2 Mar', days: [3, 1], label: '3 d, 1 d' }]);
  });

  it('aggregates 10,000 certificates, every one counted once', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => cert((i % 400) - 10));
    const t = weeklyExpiries(many, DEFAULT_THRESHOLDS, NOW);
    expect(t.expired + t.later + t.within12Months).toBe(10_000);
    expect(t.bins.reduce((n, b) => n + b.expiring + b.valid, 0)).toBe(t.within12Months);
  });
});
