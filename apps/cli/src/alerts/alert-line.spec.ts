import type { CertificateAlert } from '@certgate/contracts';
import { alertLine, commonName } from './alert-line';

const alert: CertificateAlert = {
  id: 'x',
  type: 'expiring',
  source: 'keystore',
  ref: 'partner-a#0',
  subjectDN: 'CN=api client, O=Example\\, Inc., C=DE',
  issuerDN: 'CN=Example CA',
  serial: '01',
  fingerprint: 'ab',
  notAfter: '2026-05-14T08:00:00.000Z',
  daysLeft: 13,
  threshold: 14,
  raisedAt: '2026-05-01T08:00:00.000Z',
};

describe('alert line', () => {
  it('prints time, type, threshold, days left, source, ref, subject CN and notAfter on one line', () => {
    expect(alertLine(alert)).toBe(
      '2026-05-01T08:00:00.000Z expiring threshold=14 daysLeft=13 source=keystore ref=partner-a#0 cn="api client" notAfter=2026-05-14T08:00:00.000Z',
    );
  });

  it('quotes what could break the line apart, and prints an empty CN when the subject has none', () => {
    const line = alertLine({ ...alert, type: 'expired', threshold: 0, daysLeft: -3, ref: 'a b="c"', subjectDN: 'O=No CN\nHere' });
    expect(line).toBe('2026-05-01T08:00:00.000Z expired threshold=0 daysLeft=-3 source=keystore ref="a b=\\"c\\"" cn="" notAfter=2026-05-14T08:00:00.000Z');
    expect(line.split('\n')).toHaveLength(1);
  });

  it('reads the CN of RFC 4514 names, escapes included', () => {
    expect(commonName('CN=a\\, b, O=c')).toBe('a, b');
    expect(commonName('O=c, cn=Zürich')).toBe('Zürich');
    expect(commonName('CN=\\41BC')).toBe('ABC');
    expect(commonName('UID=x+CN=multi, O=y')).toBe('multi');
    expect(commonName('O=only org')).toBeUndefined();
  });
});
