import type { StoredKeystoreEntry } from '@certgate/contracts';
import { systemKeyState, systemKeyWindow } from './system-key-state';

const ALIAS = 'sap_cloudintegrationcertificate';

function entry(overrides: Partial<StoredKeystoreEntry> = {}): StoredKeystoreEntry {
  return {
    alias: ALIAS,
    kind: 'key-pair',
    owner: 'system',
    subjectDN: 'CN=system',
    issuerDN: 'CN=system',
    serialNumber: '01',
    notBefore: '2025-01-01T00:00:00.000Z',
    notAfter: '2026-01-01T00:00:00.000Z',
    fingerprint: 'e'.repeat(64),
    chainPem: 'x',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const at = (iso: string) => Date.parse(iso);

describe('system key state', () => {
  it('absent: not present, not valid', () => {
    expect(systemKeyState(ALIAS, systemKeyWindow(undefined), at('2025-06-01T00:00:00Z'))).toEqual({ alias: ALIAS, present: false, valid: false });
  });

  it('valid between notBefore and notAfter, inclusive, judged by the clock given', () => {
    const window = systemKeyWindow(entry());
    expect(systemKeyState(ALIAS, window, at('2025-06-01T00:00:00Z'))).toEqual({ alias: ALIAS, present: true, valid: true });
    expect(systemKeyState(ALIAS, window, at('2025-01-01T00:00:00Z')).valid).toBe(true);
    expect(systemKeyState(ALIAS, window, at('2026-01-01T00:00:00Z')).valid).toBe(true);
  });

  it('the same stored value turns invalid once the clock passes notAfter (no KV change needed)', () => {
    const window = systemKeyWindow(entry());
    expect(systemKeyState(ALIAS, window, at('2026-01-01T00:00:00.001Z'))).toEqual({ alias: ALIAS, present: true, valid: false });
    expect(systemKeyState(ALIAS, window, at('2024-12-31T23:59:59Z')).valid).toBe(false);
  });

  it('a trusted certificate under the alias is not a key pair', () => {
    expect(systemKeyWindow(entry({ kind: 'certificate' })).present).toBe(false);
  });

  it('unreadable dates are never valid', () => {
    const window = systemKeyWindow(entry({ notAfter: 'someday' }));
    expect(systemKeyState(ALIAS, window, at('2025-06-01T00:00:00Z'))).toEqual({ alias: ALIAS, present: true, valid: false });
  });
});
