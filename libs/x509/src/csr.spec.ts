import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCsr, parseCsr } from './csr';
import { X509Error } from './errors';
import { exportPublicKeyPem, generateKeyPair } from './keys';
import { ecKeys, itWithOpenssl, openssl, specPki, withTempDir } from './spec-fixtures';

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(X509Error);
    return (err as X509Error).code;
  }
}

/** Flips a bit inside the signature value, which is the end of the DER. */
function tamper(pem: string): string {
  const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
  der[der.length - 1] ^= 0x01;
  return `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE REQUEST-----\n`;
}

describe('CSR', () => {
  it('creates a CSR that parses back with subject, names and the same public key', async () => {
    const keys = await ecKeys();
    const pem = await createCsr({
      keys,
      subjectDN: 'CN=svc.example, O=Acme\\, Inc., C=DE',
      dnsNames: ['svc.example', 'alt.example'],
      ipAddresses: ['10.0.0.1'],
    });
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE REQUEST-----\n[\s\S]+-----END CERTIFICATE REQUEST-----\n$/);
    const csr = await parseCsr(pem);
    expect(csr.subjectDN).toBe('CN=svc.example,O=Acme\\, Inc.,C=DE');
    expect(csr.dnsNames).toEqual(['svc.example', 'alt.example']);
    expect(csr.ipAddresses).toEqual(['10.0.0.1']);
    expect(await exportPublicKeyPem(csr.publicKey)).toBe(await exportPublicKeyPem(keys.publicKey));
    expect(csr.pem).toBe(pem);
  });

  it('works with RSA keys and without names', async () => {
    const keys = await generateKeyPair({ type: 'RSA', size: 2048 });
    const csr = await parseCsr(await createCsr({ keys, subjectDN: 'CN=rsa' }));
    expect(csr.subjectDN).toBe('CN=rsa');
    expect(csr.dnsNames).toEqual([]);
    expect(csr.publicKey.algorithm.name).toBe('RSASSA-PKCS1-v1_5');
  });

  itWithOpenssl('OpenSSL verifies the self-signature and reads the subject and SAN', async () => {
    const pem = await createCsr({ keys: await ecKeys(), subjectDN: 'CN=Jürgen, O=Bäckerei', dnsNames: ['b.example'] });
    await withTempDir((dir) => {
      writeFileSync(join(dir, 'req.pem'), pem);
      const out = openssl(['req', '-in', 'req.pem', '-noout', '-verify', '-text', '-nameopt', 'RFC2253,-esc_msb'], { cwd: dir });
      expect(out.status).toBe(0);
      expect(out.output).toMatch(/verify OK/i);
      expect(out.output).toContain('CN=Jürgen,O=Bäckerei');
      expect(out.output).toContain('DNS:b.example');
    });
  });

  itWithOpenssl('reads a CSR made by OpenSSL', async () => {
    await withTempDir((dir) => {
      const out = openssl(
        [
          'req',
          '-new',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-keyout',
          'k.pem',
          '-subj',
          '/C=DE/O=Acme/CN=from-openssl',
          '-addext',
          'subjectAltName=DNS:o.example',
          '-out',
          'r.pem',
        ],
        { cwd: dir },
      );
      expect(out.status).toBe(0);
      return parseCsr(readFileSync(join(dir, 'r.pem'), 'utf8')).then((csr) => {
        expect(csr.subjectDN).toBe('CN=from-openssl,O=Acme,C=DE');
        expect(csr.dnsNames).toEqual(['o.example']);
      });
    });
  });

  it('a tampered CSR → csr_bad_signature', async () => {
    const pem = await createCsr({ keys: await ecKeys(), subjectDN: 'CN=victim' });
    expect(await codeOf(parseCsr(tamper(pem)))).toBe('csr_bad_signature');
    await expect(parseCsr(tamper(pem))).rejects.toThrow(/CN=victim/);
  });

  it('a CSR signed by another key than the one it carries → csr_bad_signature', async () => {
    const a = await ecKeys();
    const b = await ecKeys();
    const pem = await createCsr({ keys: { publicKey: a.publicKey, privateKey: b.privateKey }, subjectDN: 'CN=swap' });
    expect(await codeOf(parseCsr(pem))).toBe('csr_bad_signature');
  });

  it.each([
    ['garbage', 'hello'],
    ['a damaged CSR block', '-----BEGIN CERTIFICATE REQUEST-----\naGVsbG8=\n-----END CERTIFICATE REQUEST-----\n'],
    ['non-base64 inside the block', '-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----\n'],
  ])('%s → csr_invalid', async (_what, pem) => {
    expect(await codeOf(parseCsr(pem))).toBe('csr_invalid');
  });

  it('a certificate instead of a CSR → csr_invalid naming what it got', async () => {
    const { root } = await specPki();
    await expect(parseCsr(root.certificate.pem)).rejects.toThrow(
      expect.objectContaining({ code: 'csr_invalid', message: expect.stringContaining("'CERTIFICATE'") }),
    );
  });

  it('empty → empty_input', async () => {
    expect(await codeOf(parseCsr(''))).toBe('empty_input');
  });

  it('createCsr refuses a bad subject, IP address or DNS name', async () => {
    const keys = await ecKeys();
    expect(await codeOf(createCsr({ keys, subjectDN: 'nonsense' }))).toBe('parse_error');
    expect(await codeOf(createCsr({ keys, subjectDN: 'CN=x', ipAddresses: ['300.1.1.1'] }))).toBe('parse_error');
    expect(await codeOf(createCsr({ keys, subjectDN: 'CN=x', dnsNames: ['bad name'] }))).toBe('parse_error');
  });
});
