import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestPki, opensslAvailable, runOpenssl } from '@certgate/testing';
import { issueCertificate, parseCsr } from '@certgate/x509';

/** A CA outside certgate that signs the tenant's CSR, as a partner's or a company's CA would. */
export interface ExternalCa {
  /** `openssl`: made and operated with the openssl CLI; `x509`: libs/x509 when openssl is absent. */
  tool: 'openssl' | 'x509';
  subjectCN: string;
  rootPem: string;
  /** Signs the CSR as a client certificate; returns the chain leaf first, root last. */
  sign(csrPem: string): Promise<string>;
  dispose(): void;
}

const CLIENT_EXTENSIONS = [
  'basicConstraints=critical,CA:FALSE',
  'keyUsage=critical,digitalSignature',
  'extendedKeyUsage=clientAuth',
  'subjectKeyIdentifier=hash',
  'authorityKeyIdentifier=keyid',
].join('\n');

export async function createExternalCa(name: string): Promise<ExternalCa> {
  const subjectCN = `${name} Root CA ${randomBytes(3).toString('hex')}`;
  return opensslAvailable() ? opensslCa(subjectCN) : x509Ca(subjectCN);
}

function openssl(args: string[], cwd: string): void {
  const run = runOpenssl(args, { cwd });
  if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
}

function opensslCa(subjectCN: string): ExternalCa {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-external-ca-'));
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '30',
      '-subj',
      `/CN=${subjectCN}/O=Partner e2e`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  writeFileSync(join(dir, 'client.ext'), `${CLIENT_EXTENSIONS}\n`);
  const rootPem = readFileSync(join(dir, 'ca.pem'), 'utf8');
  let n = 0;
  return {
    tool: 'openssl',
    subjectCN,
    rootPem,
    async sign(csrPem) {
      const base = `leaf-${++n}`;
      writeFileSync(join(dir, `${base}.csr`), csrPem);
      openssl(
        [
          'x509',
          '-req',
          '-in',
          `${base}.csr`,
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-CAcreateserial',
          '-days',
          '30',
          '-sha256',
          '-extfile',
          'client.ext',
          '-out',
          `${base}.pem`,
        ],
        dir,
      );
      return readFileSync(join(dir, `${base}.pem`), 'utf8') + rootPem;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function x509Ca(subjectCN: string): Promise<ExternalCa> {
  // A name of its own keeps the DN unique (createTestPki adds no suffix to a given name).
  const pki = await createTestPki({ name: subjectCN.replace(' Root CA', '') });
  return {
    tool: 'x509',
    subjectCN: pki.root.certificate.subjectCN ?? subjectCN,
    rootPem: pki.root.certPem,
    async sign(csrPem) {
      const csr = await parseCsr(csrPem);
      const leaf = await issueCertificate({
        subjectDN: csr.subjectDN,
        publicKey: csr.publicKey,
        issuer: { certificate: pki.root.certificate, privateKey: pki.root.privateKey },
        validityDays: 30,
        extendedKeyUsage: ['clientAuth'],
      });
      return leaf.pem + pki.root.certPem;
    },
    dispose: () => undefined,
  };
}
