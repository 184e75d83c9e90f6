import type { StoredKeystoreEntry } from '@certgate/contracts';
import { createTestPki, type TestPki } from '@certgate/testing';
import { clientCaRoots } from './client-ca-roots';

function entry(chainPem: string): StoredKeystoreEntry {
  return {
    alias: 'certgate_client_ca',
    kind: 'key-pair',
    owner: 'system',
    subjectDN: 'CN=x',
    issuerDN: 'CN=x',
    serialNumber: '01',
    notBefore: new Date().toISOString(),
    notAfter: new Date().toISOString(),
    fingerprint: '00',
    chainPem,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  };
}

describe('roots of the tenant client CA', () => {
  let pki: TestPki;

  beforeAll(async () => {
    pki = await createTestPki();
  });

  it('no entry, no root', async () => {
    await expect(clientCaRoots(undefined)).resolves.toEqual({ roots: [] });
  });

  it('a self-signed CA certificate is the root', async () => {
    const out = await clientCaRoots(entry(pki.root.certPem));
    expect(out.roots.map((r) => r.fingerprint)).toEqual([pki.root.certificate.fingerprint]);
    expect(out.problem).toBeUndefined();
  });

  it('of a chain only the self-signed CA counts, never the intermediate', async () => {
    const out = await clientCaRoots(entry(pki.intermediate.certPem + pki.root.certPem));
    expect(out.roots.map((r) => r.fingerprint)).toEqual([pki.root.certificate.fingerprint]);
  });

  it('an intermediate alone is not trusted, and the problem says why', async () => {
    const out = await clientCaRoots(entry(pki.intermediate.certPem));
    expect(out.roots).toEqual([]);
    expect(out.problem).toContain(pki.intermediate.certificate.subjectDN);
  });

  it('an unreadable chain is not trusted', async () => {
    const out = await clientCaRoots(entry('garbage'));
    expect(out.roots).toEqual([]);
    expect(out.problem).toMatch(/cannot be read/);
  });
});
