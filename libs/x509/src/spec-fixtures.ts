// Test-only helpers for this library's specs (not exported from index.ts).
// The richer test PKI and the named corpus live in libs/testing, which depends
// on this library; importing them here would make the two projects circular.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Certificate } from './certificate';
import type { CryptoKey, CryptoKeyPair } from './engine';
import { issueCertificate, type IssueOptions } from './issue';
import { generateKeyPair } from './keys';

export const DAY = 86_400_000;

export interface Ca {
  certificate: Certificate;
  privateKey: CryptoKey;
}

export const ecKeys = (): Promise<CryptoKeyPair> => generateKeyPair({ type: 'EC', curve: 'P-256' });

export async function selfSignedRoot(subjectDN = 'CN=Spec Root CA, O=Spec', extra: Partial<IssueOptions> = {}): Promise<Ca> {
  const keys = await ecKeys();
  const certificate = await issueCertificate({ subjectDN, publicKey: keys.publicKey, signingKey: keys.privateKey, ca: true, ...extra });
  return { certificate, privateKey: keys.privateKey };
}

/** A certificate issued by `issuer` with a fresh EC key; returns the key too. */
export async function issued(issuer: Ca, subjectDN: string, extra: Partial<IssueOptions> = {}): Promise<Ca> {
  const keys = await ecKeys();
  const certificate = await issueCertificate({ subjectDN, publicKey: keys.publicKey, issuer, ...extra });
  return { certificate, privateKey: keys.privateKey };
}

/** Root → issuing CA (pathLen 0); `leaf()` issues clientAuth leaves below the issuing CA. */
export async function specPki() {
  const root = await selfSignedRoot();
  const intermediate = await issued(root, 'CN=Spec Issuing CA, O=Spec', { ca: true, pathLength: 0 });
  const leaf = (cn = 'alice', extra: Partial<IssueOptions> = {}) => issued(intermediate, `CN=${cn}, O=Spec`, { extendedKeyUsage: ['clientAuth'], ...extra });
  return { root, intermediate, leaf };
}

export const opensslAvailable = spawnSync('openssl', ['version']).status === 0;

/** Runs openssl; returns status and combined output. */
export function openssl(args: string[], opts: { input?: string | Uint8Array; cwd?: string } = {}): { status: number; output: string; stdout: Buffer } {
  const run = spawnSync('openssl', args, { cwd: opts.cwd, input: opts.input, timeout: 30_000 });
  return { status: run.status ?? -1, output: `${run.stdout?.toString() ?? ''}${run.stderr?.toString() ?? ''}`, stdout: run.stdout };
}

/** A temporary directory for the duration of `fn`. */
export async function withTempDir<T>(fn: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-x509-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `it` when openssl is on PATH, else a skipped test whose name says why. */
export const itWithOpenssl = (name: string, fn: () => Promise<unknown>, timeout?: number) =>
  opensslAvailable ? it(name, fn, timeout) : it.skip(`${name} (skipped: openssl is not on PATH)`, fn);
