// CRLs made by `openssl ca -gencrl`, so revocation is tested against another
// implementation's CRLs, not only ones certgate's own library wrote.
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Certificate } from '@certgate/x509';
import { runOpenssl } from './openssl';
import type { TestCredential } from './test-pki';

export interface OpensslCrlOptions {
  /** The CA that signs the CRL. */
  ca: TestCredential;
  /** Certificates it lists as revoked (revoked an hour before `thisUpdate`). */
  revoked?: { certificate: Certificate; reason?: 'keyCompromise' | 'superseded' | 'cessationOfOperation' }[];
  /** Default: now. */
  thisUpdate?: Date;
  /** Default: a day after thisUpdate. A past date makes a stale CRL. */
  nextUpdate?: Date;
  /** PEM (default) or DER. */
  format?: 'pem' | 'der';
}

/** openssl's ASN.1 time, UTCTime form: YYMMDDHHMMSSZ. */
export function asn1Time(d: Date): string {
  return d.toISOString().replace(/^\d\d(\d\d)-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d).*$/, '$1$2$3$4$5$6Z');
}

const CONFIG = `[ ca ]
default_ca = crl_ca
[ crl_ca ]
database = index.txt
crlnumber = crlnumber
default_md = sha256
crl_extensions = crl_ext
[ crl_ext ]
authorityKeyIdentifier = keyid:always
`;

/** One line of an `openssl ca` index: valid (`V`), or revoked (`R`) at `revoked.at` (ASN.1 time). */
export function caIndexLine(c: Certificate, revoked?: { at: string; reason?: string }): string {
  const serial = c.serialNumber.toUpperCase().padStart(2, '0');
  const when = revoked ? (revoked.reason ? `${revoked.at},${revoked.reason}` : revoked.at) : '';
  return [revoked ? 'R' : 'V', asn1Time(c.notAfter), when, serial, 'unknown', '/CN=x'].join('\t');
}

/** A CRL signed by `ca`, written by openssl from an index of revoked serials. */
export function opensslCrl(options: OpensslCrlOptions): string | Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'certgate-crl-'));
  try {
    const thisUpdate = options.thisUpdate ?? new Date();
    const nextUpdate = options.nextUpdate ?? new Date(thisUpdate.getTime() + 86_400_000);
    const revokedAt = asn1Time(new Date(thisUpdate.getTime() - 3_600_000));
    const index = (options.revoked ?? []).map(({ certificate, reason }) => caIndexLine(certificate, { at: revokedAt, reason }));
    writeFileSync(join(dir, 'index.txt'), index.map((l) => `${l}\n`).join(''));
    writeFileSync(join(dir, 'crlnumber'), '01\n');
    writeFileSync(join(dir, 'openssl.cnf'), CONFIG);
    writeFileSync(join(dir, 'ca.pem'), options.ca.certPem);
    writeFileSync(join(dir, 'ca.key'), options.ca.keyPem);
    const gen = runOpenssl(
      ['ca', '-gencrl', '-config', 'openssl.cnf', '-cert', 'ca.pem', '-keyfile', 'ca.key', '-out', 'crl.pem'].concat([
        '-crl_lastupdate',
        asn1Time(thisUpdate),
        '-crl_nextupdate',
        asn1Time(nextUpdate),
      ]),
      { cwd: dir },
    );
    if (gen.status !== 0) throw new Error(`openssl ca -gencrl failed: ${gen.stderr}`);
    if (options.format !== 'der') return readFileSync(join(dir, 'crl.pem'), 'utf8');
    const der = runOpenssl(['crl', '-in', 'crl.pem', '-outform', 'DER', '-out', 'crl.der'], { cwd: dir });
    if (der.status !== 0) throw new Error(`openssl crl -outform DER failed: ${der.stderr}`);
    return readFileSync(join(dir, 'crl.der'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
