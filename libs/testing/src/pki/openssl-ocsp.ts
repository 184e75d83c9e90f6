// An OCSP responder on loopback: `openssl ocsp` serving a CA's index, so OCSP is tested
// against another implementation's responses. Stopped by its PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ocspRequest, type Certificate } from '@certgate/x509';
import { freePort } from '../net/free-port';
import { asn1Time, caIndexLine } from './openssl-crl';
import type { TestCredential } from './test-pki';

export interface OcspEntry {
  certificate: Certificate;
  status: 'good' | 'revoked';
}

export interface OpensslOcspResponder {
  url: string;
  /** Rewrites the index; openssl reads it again before its next answer. */
  setEntries(entries: OcspEntry[]): void;
  stop(): Promise<void>;
}

export interface OcspResponderOptions {
  /** A delegated responder certificate and key to sign with (sent along in the answer); the CA itself by default. */
  signer?: TestCredential;
}

/** `openssl ocsp` answering for `ca` on a free loopback port. It echoes a request's nonce, as RFC 8954 asks. */
export async function startOpensslOcspResponder(ca: TestCredential, entries: OcspEntry[], opts: OcspResponderOptions = {}): Promise<OpensslOcspResponder> {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-ocsp-'));
  const index = join(dir, 'index.txt');
  // openssl reloads the index when its mtime changes, in whole seconds: each rewrite moves it a second on.
  let version = Math.floor(Date.now() / 1000);
  const write = (list: OcspEntry[]) => {
    const revokedAt = asn1Time(new Date(Date.now() - 3_600_000));
    writeFileSync(
      index,
      list.map((e) => `${caIndexLine(e.certificate, e.status === 'revoked' ? { at: revokedAt, reason: 'keyCompromise' } : undefined)}\n`).join(''),
    );
    version += 1;
    utimesSync(index, version, version);
  };
  write(entries);
  writeFileSync(join(dir, 'ca.pem'), ca.certPem);
  writeFileSync(join(dir, 'ca.key'), ca.keyPem);
  const signer = opts.signer ?? ca;
  writeFileSync(join(dir, 'signer.pem'), signer.certPem);
  writeFileSync(join(dir, 'signer.key'), signer.keyPem);
  const port = await freePort();
  const child: ChildProcess = spawn(
    'openssl',
    // openssl 3.0 takes a port number only; requests come over loopback. -timeout: a stalled client cannot block the one-at-a-time responder.
    ['ocsp', '-index', 'index.txt', '-port', String(port), '-rsigner', 'signer.pem', '-rkey', 'signer.key', '-CA', 'ca.pem', '-nmin', '60', '-timeout', '5'],
    { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await untilListening(child);
  return {
    url: `http://127.0.0.1:${port}`,
    setEntries: async (list) => {
      write(list);
      // openssl looks at the index before it waits for a connection, so the request it is already waiting for
      // still gets the old one: a throwaway request (for the CA itself; a malformed one would end the responder) moves it on.
      await new Promise<void>((resolve) => {
        // A connection of its own, closed after the answer: a kept-alive one would hold the single-threaded responder.
        const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', agent: false, headers: { 'content-type': 'application/ocsp-request' } }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        });
        req.on('error', () => resolve());
        req.end(ocspRequest(ca.certificate, ca.certificate));
      });
    },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** openssl says so on stderr once it accepts connections (a probe connection would hold up the single-threaded responder). */
function untilListening(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`openssl ocsp did not start listening within 10 s: ${said}`));
    }, 10_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      if (said.includes('waiting for OCSP client connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`openssl ocsp exited with ${code} before listening: ${said}`));
    });
  });
}
