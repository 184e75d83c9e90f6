import type { StoredKeystoreEntry } from '@certgate/contracts';
import { entryStatus, toEntryView } from './entry-view';

const NOW = new Date('2030-06-01T00:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000).toISOString();

describe('entryStatus', () => {
  it.each([
    [day(31), 'valid'],
    [day(30), 'expiring'],
    [day(1), 'expiring'],
    [NOW.toISOString(), 'expiring'],
    [day(-1), 'expired'],
    [new Date(NOW.getTime() - 1).toISOString(), 'expired'],
  ])('notAfter %s → %s', (notAfter, status) => {
    expect(entryStatus(notAfter, NOW)).toBe(status);
  });
});

describe('toEntryView', () => {
  it('drops the sealed private key and adds the status', () => {
    const entry: StoredKeystoreEntry = {
      alias: 'a',
      kind: 'key-pair',
      owner: 'tenant',
      subjectDN: 'CN=a',
      issuerDN: 'CN=a',
      serialNumber: '01',
      notBefore: day(-10),
      notAfter: day(-2),
      fingerprint: 'f'.repeat(64),
      chainPem: '-----BEGIN CERTIFICATE-----\n',
      encryptedKey: { alg: 'A256GCM', iv: 'aXY=', tag: 'dGFn', data: 'ZGF0YQ==' },
      createdAt: day(-10),
      updatedAt: day(-10),
    };
    const view = toEntryView(entry, NOW);
    expect(view).not.toHaveProperty('encryptedKey');
    expect(view).toMatchObject({ alias: 'a', status: 'expired', fingerprint: 'f'.repeat(64) });
  });
});
