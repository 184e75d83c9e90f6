import type { CertificateAlert } from '@certgate/contracts';
import { alertId } from '../alert-id';
import type { TrackedCertificate } from '../inventory/tracked-certificate';
import { DAY_MS } from '../thresholds';
import { scanCertificates, type RaisedMarker } from './scan-certificates';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const cert = (ref: string, days: number, fingerprint = `fp-${ref}`): TrackedCertificate => {
  const notAfterMs = T0 + days * DAY_MS;
  return {
    source: 'keystore',
    ref,
    subjectDN: `CN=${ref}`,
    issuerDN: 'CN=ca',
    serial: '0a',
    fingerprint,
    notBefore: '',
    notAfter: new Date(notAfterMs).toISOString(),
    notAfterMs,
  };
};

/** The alert state and stream as in memory: what the bucket and JetStream's duplicate check do. */
function memory() {
  const markers = new Map<string, RaisedMarker>();
  const stream: CertificateAlert[] = [];
  const ids = new Set<string>();
  const muted = new Set<string>();
  return {
    markers,
    stream,
    muted,
    state: { isRaised: (id: string) => markers.has(id), isMuted: (s: string) => muted.has(s) },
    effects: {
      publish: async (a: CertificateAlert) => (ids.has(a.id) ? false : (ids.add(a.id), stream.push(a), true)),
      markRaised: async (id: string, m: RaisedMarker) => void (markers.has(id) || markers.set(id, m)),
    },
  };
}

const at = (days: number) => T0 + days * DAY_MS;
const scan = (m: ReturnType<typeof memory>, certs: TrackedCertificate[], days: number) =>
  scanCertificates(certs, { nowMs: at(days), thresholds: [30, 14, 7, 1], state: m.state, effects: m.effects });
const summary = (alerts: CertificateAlert[]) => alerts.map((a) => `${a.ref}:${a.type}:${a.threshold}`).sort();

describe('scanCertificates', () => {
  const certs = [cert('d40', 40), cert('d29', 29), cert('d13', 13), cert('d6', 6), cert('d0', 0.5)];

  it('raises the tightest due threshold of each certificate, once, with the payload of design §5', async () => {
    const m = memory();
    const first = await scan(m, certs, 0);
    expect(first.certificates).toBe(5);
    expect(summary(first.raised)).toEqual(['d0:expiring:1', 'd13:expiring:14', 'd29:expiring:30', 'd6:expiring:7']);
    expect(m.stream.find((a) => a.ref === 'd6')).toEqual({
      id: alertId('keystore', 'd6', 'fp-d6', 7),
      type: 'expiring',
      source: 'keystore',
      ref: 'd6',
      subjectDN: 'CN=d6',
      issuerDN: 'CN=ca',
      serial: '0a',
      fingerprint: 'fp-d6',
      notAfter: new Date(at(6)).toISOString(),
      daysLeft: 6,
      threshold: 7,
      raisedAt: new Date(T0).toISOString(),
    });
    // The looser thresholds are marked without events of their own.
    expect([...m.markers.values()].filter((x) => x.ref === 'd6').map((x) => [x.threshold, x.event])).toEqual([
      [30, false],
      [14, false],
      [7, true],
    ]);
    expect((await scan(m, certs, 0)).raised).toEqual([]);
  });

  it('moving the clock raises each next threshold once, then expiry', async () => {
    const m = memory();
    await scan(m, certs, 0);
    expect(summary((await scan(m, certs, 1)).raised)).toEqual(['d0:expired:0']);
    expect(summary((await scan(m, certs, 11)).raised)).toEqual(['d13:expiring:7', 'd40:expiring:30', 'd6:expired:0']);
    expect((await scan(m, certs, 11)).raised).toEqual([]);
    expect(m.stream).toHaveLength(4 + 1 + 3);
  });

  it('a renewed certificate (same ref, new fingerprint) starts over', async () => {
    const m = memory();
    await scan(m, [cert('r', 6)], 0);
    const renewed = await scan(m, [cert('r', 25, 'fp-renewed')], 0);
    expect(summary(renewed.raised)).toEqual(['r:expiring:30']);
  });

  it('a muted source raises and marks nothing; unmuted, what is due by then is raised', async () => {
    const m = memory();
    m.muted.add('keystore');
    expect((await scan(m, certs, 0)).raised).toEqual([]);
    expect(m.markers.size).toBe(0);
    m.muted.clear();
    expect(summary((await scan(m, certs, 11)).raised)).toEqual(['d0:expired:0', 'd13:expiring:7', 'd29:expiring:30', 'd40:expiring:30', 'd6:expired:0']);
  });

  it('an alert the stream already holds (a replica racing, a marker lost) is counted as a duplicate and marked', async () => {
    const m = memory();
    await scan(m, certs, 0);
    m.markers.clear();
    const again = await scan(m, certs, 0);
    expect(again.raised).toEqual([]);
    expect(again.duplicates).toBe(4);
    expect(m.markers.size).toBe(3 + 2 + 4 + 1);
  });
});
