import type { StoredKeystoreEntry } from '@certgate/contracts';
import { systemKeyStatus } from './system-key-status';

const NOW = new Date('2030-01-01T00:00:00Z');
const entry = (over: Partial<StoredKeystoreEntry> = {}): StoredKeystoreEntry => ({
  alias: 'sys',
  kind: 'key-pair',
  owner: 'system',
  subjectDN: 'CN=sys',
  issuerDN: 'CN=sys',
  serialNumber: '01',
  notBefore: '2029-01-01T00:00:00.000Z',
  notAfter: '2031-01-01T00:00:00.000Z',
  fingerprint: 'a'.repeat(64),
  chainPem: '',
  createdAt: '2029-01-01T00:00:00.000Z',
  updatedAt: '2029-01-01T00:00:00.000Z',
  ...over,
});

describe('systemKeyStatus', () => {
  it('present and within its validity → valid, with notAfter', () => {
    expect(systemKeyStatus('sys', 'standard', entry(), NOW)).toEqual({ alias: 'sys', present: true, valid: true, notAfter: '2031-01-01T00:00:00.000Z' });
  });

  it('absent → not present, the reason names the alias', () => {
    expect(systemKeyStatus('sys', 'standard', undefined, NOW)).toEqual({
      alias: 'sys',
      present: false,
      valid: false,
      reason: "key pair with alias 'sys' does not exist in the keystore",
    });
  });

  it('absent on a trial tenant → the reason says so', () => {
    expect(systemKeyStatus('sys', 'trial', undefined, NOW).reason).toMatch(/does not exist in the keystore \(a trial tenant has no system key pair\)/);
  });

  it('expired → present but not valid', () => {
    expect(systemKeyStatus('sys', 'standard', entry({ notAfter: '2029-12-31T23:59:59.000Z' }), NOW)).toMatchObject({
      present: true,
      valid: false,
      reason: expect.stringContaining('has expired'),
    });
  });

  it('not yet valid → not valid', () => {
    expect(systemKeyStatus('sys', 'standard', entry({ notBefore: '2030-01-02T00:00:00.000Z' }), NOW)).toMatchObject({ present: true, valid: false });
  });

  it('a trusted certificate under the alias is not a key pair', () => {
    expect(systemKeyStatus('sys', 'standard', entry({ kind: 'certificate' }), NOW)).toMatchObject({ present: false, valid: false });
  });
});
