import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki } from '@certgate/testing';
import { CliError } from '../console/console-target';
import { assertWritable, PRIVATE_FILE_MODE, readInputFile, readPemFile, readSecretFile, writeOutputFile } from './files';
import { normalizeSha256, pemCertificates, sha256Of } from './pem';

describe('files in, files out', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'certgate-cli-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('says which file is missing, is a directory, or holds no PEM', () => {
    expect(() => readInputFile(join(dir, 'nope.pem'), 'certificate file')).toThrow(new CliError(`certificate file ${join(dir, 'nope.pem')} does not exist`));
    expect(() => readInputFile(dir, 'chain file')).toThrow(/is a directory/);
    writeFileSync(join(dir, 'x.der'), Buffer.from([0x30, 0x82]));
    expect(() => readPemFile(join(dir, 'x.der'), 'certificate file')).toThrow(/holds no PEM certificate \(-----BEGIN CERTIFICATE-----\)/);
  });

  it('a password file gives its text without the final newline', () => {
    writeFileSync(join(dir, 'pw'), 'two words\n');
    expect(readSecretFile(join(dir, 'pw'), 'password file')).toBe('two words');
    writeFileSync(join(dir, 'pw'), 'crlf\r\n');
    expect(readSecretFile(join(dir, 'pw'), 'password file')).toBe('crlf');
  });

  it('refuses to overwrite without force; a private file is mode 600 even when it existed', () => {
    const path = join(dir, 'a.p12');
    writeOutputFile(path, 'one');
    expect(() => writeOutputFile(path, 'two')).toThrow(`${path} exists: pass --force to overwrite it`);
    expect(() => assertWritable(path)).toThrow(CliError);
    expect(() => assertWritable(path, true)).not.toThrow();
    expect(() => assertWritable(dir, true)).toThrow(/is a directory/);
    writeOutputFile(path, 'two', { force: true, mode: PRIVATE_FILE_MODE });
    expect(readFileSync(path, 'utf8')).toBe('two');
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('PEM helpers', () => {
  it('splits a bundle and gives the SHA-256 fingerprint the API uses as id', async () => {
    const pki = await createTestPki();
    const bundle = `junk\r\n${pki.root.certPem.replace(/\n/g, '\r\n')}text between\n${pki.intermediate.certPem}`;
    const certs = pemCertificates(bundle);
    expect(certs).toEqual([pki.root.certPem, pki.intermediate.certPem]);
    expect(sha256Of(certs[0])).toBe(pki.root.certificate.fingerprint);
    expect(() => sha256Of('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n')).toThrow(CliError);
  });

  it('takes fingerprints as people copy them', () => {
    const hex = 'ab'.repeat(32);
    expect(normalizeSha256('AB:'.repeat(31) + 'AB')).toBe(hex);
    expect(normalizeSha256(` ${hex.toUpperCase()} `)).toBe(hex);
    expect(() => normalizeSha256('abc')).toThrow(/is not a SHA-256 fingerprint/);
  });
});
