import { createRecipientKey, openFromSender, sealForRecipient } from './key-transport';
import { isX509Error } from './errors';

const PEM = '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n';

describe('key transport', () => {
  it('opens for the recipient it was sealed to, and the wire form holds no PEM', () => {
    const recipient = createRecipientKey();
    const sealed = sealForRecipient(recipient.publicKey, 'a1', PEM);
    expect(JSON.stringify(sealed)).not.toContain('PRIVATE KEY');
    expect(openFromSender(recipient, 'a1', sealed)).toBe(PEM);
  });

  it('does not open for another recipient, another alias, or altered data', () => {
    const recipient = createRecipientKey();
    const sealed = sealForRecipient(recipient.publicKey, 'a1', PEM);
    const failures = [
      () => openFromSender(createRecipientKey(), 'a1', sealed),
      () => openFromSender(recipient, 'a2', sealed),
      () => openFromSender(recipient, 'a1', { ...sealed, data: Buffer.from('x'.repeat(40)).toString('base64') }),
    ];
    for (const attempt of failures) {
      let caught: unknown;
      try {
        attempt();
      } catch (err) {
        caught = err;
      }
      expect(isX509Error(caught, 'key_transport')).toBe(true);
      expect(String((caught as Error).message)).not.toContain('PRIVATE KEY');
    }
  });

  it('refuses a public key that is not 32 bytes', () => {
    expect(() => sealForRecipient('abc', 'a1', PEM)).toThrow(/32 bytes/);
  });
});
