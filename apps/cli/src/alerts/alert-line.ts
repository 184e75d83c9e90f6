import type { CertificateAlert } from '@certgate/contracts';

/**
 * One alert as one logfmt line, in the order an operator reads it:
 * `2026-05-01T08:00:00Z expiring threshold=14 daysLeft=13 source=keystore ref=a#0 cn="api client" notAfter=2026-05-14T08:00:00Z`.
 * Every value that could hold a space or a quote is quoted, so the line stays
 * machine-splittable (`grep`, `awk`, log shippers).
 */
export function alertLine(alert: CertificateAlert): string {
  return [
    alert.raisedAt,
    alert.type,
    `threshold=${alert.threshold}`,
    `daysLeft=${alert.daysLeft}`,
    `source=${value(alert.source)}`,
    `ref=${value(alert.ref)}`,
    `cn=${value(commonName(alert.subjectDN) ?? '')}`,
    `notAfter=${value(alert.notAfter)}`,
  ].join(' ');
}

function value(v: string): string {
  return /^[^\s"=\\]+$/.test(v) ? v : JSON.stringify(v);
}

/** The first CN of an RFC 4514 DN (`CN=a\, b, O=c` → `a, b`); undefined when there is none. */
export function commonName(dn: string): string | undefined {
  let i = 0;
  while (i < dn.length) {
    const eq = dn.indexOf('=', i);
    if (eq < 0) return undefined;
    const type = dn.slice(i, eq).trim();
    let j = eq + 1;
    let v = '';
    while (j < dn.length && dn[j] !== ',' && dn[j] !== '+') {
      if (dn[j] === '\\' && j + 1 < dn.length) {
        const hex = /^[0-9a-fA-F]{2}/.exec(dn.slice(j + 1, j + 3));
        v += hex ? String.fromCharCode(parseInt(hex[0], 16)) : dn[j + 1];
        j += hex ? 3 : 2;
      } else {
        v += dn[j];
        j += 1;
      }
    }
    if (type.toUpperCase() === 'CN') return v.trim();
    i = j + 1;
  }
  return undefined;
}
