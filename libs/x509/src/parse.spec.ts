import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Certificate } from './certificate';
import { exportPrivateKeyPem } from './keys';
import { createCsr } from './csr';
import { X509Error } from './errors';
import { parseCertificate, parseCertificates, toPemBundle } from './parse';
import { ecKeys, itWithOpenssl, openssl, specPki, withTempDir } from './spec-fixtures';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(X509Error);
    return (err as X509Error).code;
  }
}

describe('parseCertificate / parseCertificates / toPemBundle', () => {
  let pki: Awaited<ReturnType<typeof specPki>>;
  let leaf: Certificate;
  let keyPem: string;

  beforeAll(async () => {
    pki = await specPki();
    const alice = await pki.leaf('alice');
    leaf = alice.certificate;
    keyPem = await exportPrivateKeyPem(alice.privateKey);
  });

  it('reads one certificate from PEM text, PEM bytes, DER bytes, an ArrayBuffer and bare base64', () => {
    const b64 = Buffer.from(leaf.der).toString('base64');
    for (const input of [leaf.pem, Buffer.from(leaf.pem), leaf.der, new Uint8Array(leaf.der).buffer, b64, b64.replace(/(.{64})/g, '$1\n')]) {
      expect(parseCertificate(input).fingerprint).toBe(leaf.fingerprint);
    }
  });

  it('tolerates CRLF, indentation and text around the PEM block', () => {
    const messy = `Subject: alice\r\n\r\n  ${leaf.pem.replace(/\n/g, '\r\n  ')}\r\ntrailing words`;
    expect(parseCertificate(messy).fingerprint).toBe(leaf.fingerprint);
  });

  it('reads a bundle in order, skipping text between blocks', () => {
    const bundle = `leaf:\n${leaf.pem}\nissuing CA:\n${pki.intermediate.certificate.pem}# root\n${pki.root.certificate.pem}`;
    expect(parseCertificates(bundle).map((c) => c.subjectDN)).toEqual([leaf.subjectDN, pki.intermediate.certificate.subjectDN, pki.root.certificate.subjectDN]);
  });

  it('reads concatenated DER certificates', () => {
    const der = Buffer.concat([leaf.der, pki.intermediate.certificate.der]);
    expect(parseCertificates(der).map((c) => c.fingerprint)).toEqual([leaf.fingerprint, pki.intermediate.certificate.fingerprint]);
  });

  itWithOpenssl('reads a PKCS#7 bundle (.p7b), PEM or DER', async () => {
    await withTempDir((dir) => {
      writeFileSync(join(dir, 'chain.pem'), toPemBundle([leaf, pki.intermediate.certificate]));
      const pem = openssl(['crl2pkcs7', '-nocrl', '-certfile', 'chain.pem'], { cwd: dir });
      expect(pem.status).toBe(0);
      expect(
        parseCertificates(pem.stdout.toString())
          .map((c) => c.fingerprint)
          .sort(),
      ).toEqual([leaf.fingerprint, pki.intermediate.certificate.fingerprint].sort());
      const der = openssl(['crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-outform', 'DER'], { cwd: dir });
      expect(parseCertificates(new Uint8Array(der.stdout)).length).toBe(2);
    });
  });

  it('toPemBundle writes the certificates in the order given and parses back', () => {
    const bundle = toPemBundle([leaf, pki.intermediate.certificate]);
    expect(bundle).toBe(leaf.pem + pki.intermediate.certificate.pem);
    expect(parseCertificates(bundle).map((c) => c.fingerprint)).toEqual([leaf.fingerprint, pki.intermediate.certificate.fingerprint]);
    expect(toPemBundle([])).toBe('');
  });

  describe('refusals', () => {
    it.each([
      ['an empty string', ''],
      ['whitespace', ' \n\t '],
      ['zero bytes', new Uint8Array()],
    ])('%s → empty_input', (_what, input) => {
      expect(codeOf(() => parseCertificate(input))).toBe('empty_input');
      expect(codeOf(() => parseCertificates(input))).toBe('empty_input');
    });

    it('a private key in a bundle → not_a_certificate that says so (so nobody pastes keys by accident)', () => {
      for (const input of [leaf.pem + keyPem, keyPem, `${keyPem}\n${leaf.pem}`]) {
        expect(codeOf(() => parseCertificates(input))).toBe('not_a_certificate');
        expect(() => parseCertificates(input)).toThrow(/private key/);
        expect(() => parseCertificates(input)).not.toThrow(/MII/);
      }
    });

    it.each(['RSA PRIVATE KEY', 'EC PRIVATE KEY', 'ENCRYPTED PRIVATE KEY'])('a %s block is refused too', (label) => {
      const pem = `-----BEGIN ${label}-----\nAAAA\n-----END ${label}-----\n`;
      expect(codeOf(() => parseCertificate(leaf.pem + pem))).toBe('not_a_certificate');
    });

    it('a DER private key → not_a_certificate', () => {
      const der = Buffer.from(keyPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
      expect(codeOf(() => parseCertificate(der))).toBe('not_a_certificate');
    });

    it('a CSR → not_a_certificate naming it', async () => {
      const csr = await createCsr({ keys: await ecKeys(), subjectDN: 'CN=csr' });
      expect(codeOf(() => parseCertificate(csr))).toBe('not_a_certificate');
      expect(() => parseCertificate(csr)).toThrow(/signing request/);
    });

    it('parseCertificate with several certificates → not_a_certificate', () => {
      expect(codeOf(() => parseCertificate(leaf.pem + pki.root.certificate.pem))).toBe('not_a_certificate');
      expect(() => parseCertificate(leaf.pem + pki.root.certificate.pem)).toThrow(/holds 2/);
    });

    it.each([
      ['plain text', 'hello world'],
      ['an unterminated PEM block', () => leaf.pem.replace(/-----END CERTIFICATE-----\n$/, '')],
      ['a PEM block with non-base64 characters', () => leaf.pem.replace(/\n[A-Za-z]/, '\n!')],
      ['a PEM block whose content is not a certificate', '-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n'],
      ['random bytes', Uint8Array.from([0xde, 0xad, 0xbe, 0xef])],
      ['a truncated DER certificate', () => leaf.der.subarray(0, leaf.der.length - 10)],
    ])('%s → parse_error, never a crash', (_what, input: string | Uint8Array | (() => string | Uint8Array)) => {
      const value = typeof input === 'function' ? input() : input;
      expect(codeOf(() => parseCertificate(value))).toBe('parse_error');
      expect(codeOf(() => parseCertificates(value))).toBe('parse_error');
    });

    describe('BER forms that DER forbids → parse_error, from parseCertificate and Certificate.fromDer', () => {
      // leaf.der starts 30 82 LL LL; its last element is the signature BIT STRING 03 LL 00 30 ...
      const body = () => leaf.der.subarray(4);
      const overrunningSignature = () => {
        const der = Uint8Array.from([...leaf.der, 0]);
        const end = leaf.der.length;
        const at = der.findIndex((b, k) => b === 0x03 && der[k + 1] === end - k - 2 && der[k + 2] === 0x00 && der[k + 3] === 0x30);
        der[at + 1] += 1;
        return der;
      };
      it.each([
        ['an indefinite length', () => Uint8Array.from([0x30, 0x80, ...body(), 0x00, 0x00])],
        ['a length padded to five bytes', () => Uint8Array.from([0x30, 0x85, 0x00, 0x00, 0x00, ...leaf.der.subarray(2)])],
        ['a multi-byte tag', () => Uint8Array.from([0x1f, 0x81, 0x00])],
        ['an element running past the end of the certificate', overrunningSignature],
      ])('%s', (_what, input) => {
        expect(leaf.der[1]).toBe(0x82);
        expect(codeOf(() => parseCertificate(input()))).toBe('parse_error');
        expect(codeOf(() => parseCertificates(input()))).toBe('parse_error');
        expect(codeOf(() => Certificate.fromDer(input()))).toBe('parse_error');
      });
    });

    it('names the bad certificate of a bundle', () => {
      const bad = '-----BEGIN CERTIFICATE-----\naGVsbG8gd29ybGQ=\n-----END CERTIFICATE-----\n';
      expect(() => parseCertificates(leaf.pem + bad)).toThrow(/certificate #2 of 2/);
    });

    it('another PEM type → not_a_certificate naming it', () => {
      expect(() => parseCertificate('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n')).toThrow(/public key/);
    });
  });
});
