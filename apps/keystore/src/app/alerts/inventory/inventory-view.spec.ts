import { DAY_MS } from '../thresholds';
import { inventoryView } from './inventory-view';
import type { TrackedCertificate } from './tracked-certificate';

const NOW = Date.parse('2030-01-01T00:00:00Z');
const cert = (source: TrackedCertificate['source'], ref: string, days: number): TrackedCertificate => {
  const notAfterMs = NOW + days * DAY_MS;
  return {
    source,
    ref,
    subjectDN: `CN=${ref}`,
    issuerDN: 'CN=ca',
    serial: '01',
    fingerprint: ref,
    notBefore: '',
    notAfter: new Date(notAfterMs).toISOString(),
    notAfterMs,
  };
};
const certs = [cert('keystore', 'b#0', 40), cert('flow', 'f#0', -2), cert('keystore', 'a#0', 13), cert('service-key', 'i/k', 13)];

describe('inventoryView', () => {
  const view = (q: Parameters<typeof inventoryView>[4], muted: string[] = []) => inventoryView(certs, NOW, [30, 14, 7, 1], (s) => muted.includes(s), q);

  it('soonest expiry first, ties by source and ref, with status, days left and mute', () => {
    expect(view({ sort: 'expiry' }, ['flow']).map((c) => [c.ref, c.status, c.daysLeft, c.muted])).toEqual([
      ['f#0', 'expired', -2, true],
      ['a#0', 'expiring', 13, false],
      ['i/k', 'expiring', 13, false],
      ['b#0', 'valid', 40, false],
    ]);
  });

  it('latest first; filters by source and status; never leaks the internal notAfterMs', () => {
    expect(view({ sort: '-expiry' }).map((c) => c.ref)).toEqual(['b#0', 'a#0', 'i/k', 'f#0']);
    expect(view({ sort: 'expiry', source: 'keystore' }).map((c) => c.ref)).toEqual(['a#0', 'b#0']);
    expect(view({ sort: 'expiry', status: 'expiring' }).map((c) => c.ref)).toEqual(['a#0', 'i/k']);
    expect(view({ sort: 'expiry' })[0]).not.toHaveProperty('notAfterMs');
  });
});
