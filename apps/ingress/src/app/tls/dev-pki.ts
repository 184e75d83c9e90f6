import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  Certificate,
  decryptPrivateKey,
  encryptPrivateKeyPem,
  exportPrivateKeyPem,
  generateKeyPair,
  issueCertificate,
  parseCertificates,
  toPemBundle,
  type CryptoKey,
} from '@certgate/x509';

export interface ServerCredentials {
  /** Encrypted or plain PEM; Node's TLS opens it with `passphrase`. */
  keyPem: string;
  passphrase?: string;
  /** Server certificate first; the dev chain ends with its root. */
  chain: Certificate[];
  /** Path of the dev root CA (for `curl --cacert`), when the dev PKI is in use. */
  devRootPath?: string;
}

const ROOT_DAYS = 3650;
const SERVER_DAYS = 397;
/** A dev server certificate this close to expiry is re-issued at start. */
const RENEW_BEFORE_MS = 30 * 86_400_000;

/**
 * The dev PKI of an ingress started without a configured server chain: a root CA and a
 * server certificate for localhost, 127.0.0.1 and INGRESS_HOSTNAMES, created once under
 * `<dataDir>/ingress` and reused, so the root a sender trusts stays the same across
 * restarts. Both private keys are stored encrypted under CERTGATE_MASTER_KEY.
 */
export async function loadOrCreateDevPki(dataDir: string, hostnames: string[], masterKey: string, now = new Date()): Promise<ServerCredentials> {
  const dir = join(dataDir, 'ingress');
  const files = {
    rootCert: join(dir, 'dev-root-ca.pem'),
    rootKey: join(dir, 'dev-root-ca.key.enc.pem'),
    serverChain: join(dir, 'server-chain.pem'),
    serverKey: join(dir, 'server.key.enc.pem'),
  };
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const names = [...new Set(['localhost', '127.0.0.1', ...hostnames])];

  let root = existsSync(files.rootCert) ? Certificate.fromPem(readFileSync(files.rootCert, 'utf8')) : undefined;
  let rootKey: CryptoKey | undefined;
  if (root && existsSync(files.rootKey) && root.notAfter.getTime() - now.getTime() > RENEW_BEFORE_MS) {
    rootKey = await decryptPrivateKey(readFileSync(files.rootKey, 'utf8'), masterKey);
  } else {
    const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    root = await issueCertificate({
      subjectDN: 'CN=certgate dev root CA, O=certgate',
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      ca: true,
      pathLength: 0,
      validityDays: ROOT_DAYS,
    });
    rootKey = keys.privateKey;
    writeAtomic(files.rootKey, encryptPrivateKeyPem(await exportPrivateKeyPem(keys.privateKey), masterKey), 0o600);
    writeAtomic(files.rootCert, root.pem, 0o644);
  }

  if (existsSync(files.serverChain) && existsSync(files.serverKey)) {
    const chain = parseCertificates(readFileSync(files.serverChain, 'utf8'));
    if (isUsable(chain, root, names, now)) {
      return { keyPem: readFileSync(files.serverKey, 'utf8'), passphrase: masterKey, chain, devRootPath: files.rootCert };
    }
  }
  const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
  const server = await issueCertificate({
    subjectDN: 'CN=certgate ingress, O=certgate',
    publicKey: keys.publicKey,
    issuer: { certificate: root, privateKey: rootKey },
    validityDays: SERVER_DAYS,
    extendedKeyUsage: ['serverAuth'],
    dnsNames: names.filter((n) => !isIp(n)),
    ipAddresses: names.filter(isIp),
  });
  const keyPem = encryptPrivateKeyPem(await exportPrivateKeyPem(keys.privateKey), masterKey);
  writeAtomic(files.serverKey, keyPem, 0o600);
  writeAtomic(files.serverChain, toPemBundle([server, root]), 0o644);
  return { keyPem, passphrase: masterKey, chain: [server, root], devRootPath: files.rootCert };
}

function isUsable(chain: Certificate[], root: Certificate, names: string[], now: Date): boolean {
  const [server, issuer] = chain;
  if (!server || !issuer || issuer.fingerprint !== root.fingerprint) return false;
  if (server.notAfter.getTime() - now.getTime() < RENEW_BEFORE_MS) return false;
  const covered = new Set(server.subjectAltNames.map((s) => s.value));
  return names.every((n) => covered.has(n));
}

const isIp = (name: string) => /^[\d.]+$/.test(name) || name.includes(':');

function writeAtomic(path: string, content: string, mode: number): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, content, { mode });
  renameSync(tmp, path);
}
