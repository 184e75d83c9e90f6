import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyChain } from '@certgate/x509';
import { loadOrCreateDevPki } from './dev-pki';

const MASTER = 'm'.repeat(40);

describe('dev PKI of the ingress', () => {
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'certgate-devpki-'));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a root and a server certificate for localhost and 127.0.0.1 that verify as serverAuth', async () => {
    const creds = await loadOrCreateDevPki(dir, [], MASTER);
    const [server, root] = creds.chain;
    expect(server.subjectAltNames).toEqual(
      expect.arrayContaining([
        { type: 'dns', value: 'localhost' },
        { type: 'ip', value: '127.0.0.1' },
      ]),
    );
    expect(root.isCA).toBe(true);
    await expect(verifyChain({ leaf: server, anchors: [root], purpose: 'serverAuth' })).resolves.toMatchObject({ ok: true });
    expect(creds.devRootPath).toBeDefined();
    expect(readFileSync(creds.devRootPath as string, 'utf8').trim()).toBe(root.pem.trim());
  });

  it('is created once: a second start reuses root and server certificate', async () => {
    const first = await loadOrCreateDevPki(dir, ['ingress.example'], MASTER);
    const second = await loadOrCreateDevPki(dir, ['ingress.example'], MASTER);
    expect(second.chain.map((c) => c.fingerprint)).toEqual(first.chain.map((c) => c.fingerprint));
  });

  it('re-issues only the server certificate when a host name is added', async () => {
    const first = await loadOrCreateDevPki(dir, [], MASTER);
    const second = await loadOrCreateDevPki(dir, ['gw.internal'], MASTER);
    expect(second.chain[1].fingerprint).toBe(first.chain[1].fingerprint);
    expect(second.chain[0].fingerprint).not.toBe(first.chain[0].fingerprint);
    expect(second.chain[0].subjectAltNames).toContainEqual({ type: 'dns', value: 'gw.internal' });
  });

  it('re-issues the server certificate when it is within 30 days of expiry', async () => {
    const first = await loadOrCreateDevPki(dir, [], MASTER);
    const later = new Date(first.chain[0].notAfter.getTime() - 10 * 86_400_000);
    const second = await loadOrCreateDevPki(dir, [], MASTER, later);
    expect(second.chain[0].fingerprint).not.toBe(first.chain[0].fingerprint);
    expect(second.chain[1].fingerprint).toBe(first.chain[1].fingerprint);
  });

  it('keeps both private keys encrypted at rest', async () => {
    await loadOrCreateDevPki(dir, [], MASTER);
    for (const file of ['dev-root-ca.key.enc.pem', 'server.key.enc.pem']) {
      const pem = readFileSync(join(dir, 'ingress', file), 'utf8');
      expect(pem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    }
  });

  it('refuses to open the root key with another master key, without leaking key material', async () => {
    await loadOrCreateDevPki(dir, [], MASTER);
    // A new host name forces a re-issue, which needs the root key.
    const err = await loadOrCreateDevPki(dir, ['x.example'], 'another-master-key-of-enough-length').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/could not be decrypted/);
    expect((err as Error).message).not.toMatch(/PRIVATE KEY/);
  });
});
