import { x509 } from './engine';
import { chainToPkcs7Der } from './pkcs7';
import { issued, openssl, opensslAvailable, selfSignedRoot } from './spec-fixtures';

describe('chainToPkcs7Der', () => {
  it('holds every certificate of the chain in order, readable by OpenSSL too', async () => {
    const root = await selfSignedRoot('CN=p7 root');
    const leaf = await issued(root, 'CN=p7 leaf');
    const der = chainToPkcs7Der([leaf.certificate, root.certificate]);
    const back = new x509.X509Certificates(Buffer.from(der));
    expect(back.map((c) => c.subject)).toEqual(['CN=p7 leaf', 'CN=p7 root']);
    if (opensslAvailable) {
      const printed = openssl(['pkcs7', '-inform', 'DER', '-print_certs', '-noout'], { input: der });
      expect(printed.status).toBe(0);
      expect(printed.output).toMatch(/subject=.*p7 leaf[\s\S]*subject=.*p7 root/);
    }
  });
});
