import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS } from '@certgate/contracts';
import { createTestPki, freePort, opensslAvailable, opensslCrl, type TestPki } from '@certgate/testing';
import { fetchCrl, readCrlFile } from './crl-source';

const describeWithOpenssl = opensslAvailable() ? describe : describe.skip;

describeWithOpenssl('reading CRLs from a loopback http server and from files', () => {
  let pki: TestPki;
  let crlPem: string;
  let server: Server;
  let base: string;
  let dir: string;
  /** Held open, to show the fetch gives up after its timeout. */
  let hanging: (() => void)[] = [];

  beforeAll(async () => {
    pki = await createTestPki();
    crlPem = opensslCrl({ ca: pki.intermediate }) as string;
    dir = mkdtempSync(join(tmpdir(), 'certgate-crl-files-'));
    server = createServer((req, res) => {
      if (req.url === '/ok.crl') return res.end(crlPem);
      if (req.url === '/gone.crl') return res.writeHead(404).end('not here');
      if (req.url === '/huge.crl') return res.writeHead(200, { 'content-length': String(LIMITS.crlBytes + 1) }).end();
      if (req.url === '/garbage.crl') return res.end('<html>maintenance</html>');
      if (req.url === '/redirect.crl') return res.writeHead(302, { location: '/ok.crl' }).end();
      hanging.push(() => res.end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    hanging.forEach((end) => end());
    hanging = [];
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches and parses a CRL, following a redirect on http', async () => {
    expect((await fetchCrl(`${base}/ok.crl`, 2000)).issuerDN).toBe(pki.intermediate.certificate.subjectDN);
    expect((await fetchCrl(`${base}/redirect.crl`, 2000)).issuerDN).toBe(pki.intermediate.certificate.subjectDN);
  });

  it('names the URL and what went wrong: status, size, content, timeout, refused connection', async () => {
    await expect(fetchCrl(`${base}/gone.crl`, 2000)).rejects.toThrow(`fetching ${base}/gone.crl answered 404, not 200`);
    await expect(fetchCrl(`${base}/huge.crl`, 2000)).rejects.toThrow(/announces \d+ bytes, more than a CRL may have/);
    await expect(fetchCrl(`${base}/garbage.crl`, 2000)).rejects.toThrow(/not a CRL/);
    await expect(fetchCrl(`${base}/slow.crl`, 300)).rejects.toThrow('no answer within 300 ms');
    await expect(fetchCrl(`http://127.0.0.1:${await freePort()}/x.crl`, 2000)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('reads PEM and DER files, and says which file is missing', async () => {
    writeFileSync(join(dir, 'a.pem'), crlPem);
    writeFileSync(join(dir, 'b.der'), opensslCrl({ ca: pki.root, format: 'der' }) as Buffer);
    expect((await readCrlFile(join(dir, 'a.pem'))).issuerDN).toBe(pki.intermediate.certificate.subjectDN);
    expect((await readCrlFile(join(dir, 'b.der'))).issuerDN).toBe(pki.root.certificate.subjectDN);
    await expect(readCrlFile(join(dir, 'none.crl'))).rejects.toThrow(`reading ${join(dir, 'none.crl')} failed: ENOENT`);
  });
});
