// A throwaway PKI for tests: root CA → issuing CA (pathLen 0) → leaves.
import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { exportPrivateKeyPem, generateKeyPair, issueCertificate, type Certificate, type CryptoKey, type IssueOptions, type KeySpec } from '@certgate/x509';

export type TestKeyType = 'EC' | 'RSA';

export interface TestCredential {
  certificate: Certificate;
  privateKey: CryptoKey;
  /** PKCS#8 PEM. */
  keyPem: string;
  certPem: string;
}

export interface TestCa extends TestCredential {
  /** This CA and its issuers up to, not including, the root ([] for the root itself). */
  chain: Certificate[];
}

export interface TestLeaf extends TestCredential {
  /** Leaf and its intermediates, no root: what a sender presents. */
  chainPem: string;
  chain: Certificate[];
}

export interface TestPkiOptions {
  /** Default EC (P-256). */
  keyType?: TestKeyType;
  /** Organisation and CA names; default 'certgate Test' with a random suffix on the CA names, so two PKIs never share a DN. */
  name?: string;
  /** Validity windows are laid out around this time (default now). */
  at?: Date;
}

export interface TestCertOptions {
  keyType?: TestKeyType;
  /** Full subject DN instead of the default `CN=<cn>, O=<name>`. */
  subjectDN?: string;
  /** Default the issuing CA. */
  issuer?: TestCa;
  notBefore?: Date;
  notAfter?: Date;
  validityDays?: number;
  keyUsage?: string[];
  /** Replaces the default (clientAuth / serverAuth); [] leaves the extension out. */
  extendedKeyUsage?: string[];
  dnsNames?: string[];
  ipAddresses?: string[];
  emails?: string[];
  extraExtensions?: IssueOptions['extraExtensions'];
  ocspUrls?: string[];
}

export interface TestCaOptions extends TestCertOptions {
  /** Default true; false makes an end-entity certificate that is then (wrongly) used to issue. */
  ca?: boolean;
  pathLength?: number;
  omitBasicConstraints?: boolean;
}

export interface TestPki {
  name: string;
  keyType: TestKeyType;
  root: TestCa;
  intermediate: TestCa;
  issueClient(cn: string, opts?: TestCertOptions): Promise<TestLeaf>;
  /** CN is the first name; names that are IP addresses go into the SAN as such. */
  issueServer(names: string | string[], opts?: TestCertOptions): Promise<TestLeaf>;
  /** Another CA, by default under the issuing CA (which has pathLen 0, so that chain is too long on purpose). */
  issueCa(cn: string, opts?: TestCaOptions): Promise<TestCa>;
}

const DAY = 86_400_000;

const KEY_SPECS: Record<TestKeyType, KeySpec> = { EC: { type: 'EC', curve: 'P-256' }, RSA: { type: 'RSA', size: 2048 } };

/** RFC 4514 escaping of one attribute value. */
export function escapeDnValue(value: string): string {
  return value
    .replace(/([\\,+"<>;=])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ');
}

async function credential(certificate: Certificate, privateKey: CryptoKey): Promise<TestCredential> {
  return { certificate, privateKey, keyPem: await exportPrivateKeyPem(privateKey), certPem: certificate.pem };
}

// Keys are not shared between certificates or PKIs: an EC P-256 key costs well
// under a millisecond, and a shared key would let a signature verify across
// PKIs that tests expect to be strangers.
export async function createTestPki(opts: TestPkiOptions = {}): Promise<TestPki> {
  const keyType = opts.keyType ?? 'EC';
  const at = (opts.at ?? new Date()).getTime();
  const name = opts.name ?? 'certgate Test';
  const caSuffix = opts.name ? '' : ` ${randomBytes(3).toString('hex')}`;
  const org = escapeDnValue(name);

  const newKeys = (type: TestKeyType = keyType) => generateKeyPair(KEY_SPECS[type]);

  const rootKeys = await newKeys();
  const rootCert = await issueCertificate({
    subjectDN: `CN=${escapeDnValue(`${name} Root CA${caSuffix}`)}, O=${org}`,
    publicKey: rootKeys.publicKey,
    signingKey: rootKeys.privateKey,
    ca: true,
    notBefore: new Date(at - DAY),
    notAfter: new Date(at + 3650 * DAY),
  });
  const root: TestCa = { ...(await credential(rootCert, rootKeys.privateKey)), chain: [] };

  const issue = async (subjectDN: string, o: TestCertOptions & { ca?: boolean; pathLength?: number; omitBasicConstraints?: boolean }, defaultEku: string[]) => {
    const issuer = o.issuer ?? intermediate;
    const keys = await newKeys(o.keyType);
    const certificate = await issueCertificate({
      subjectDN: o.subjectDN ?? subjectDN,
      publicKey: keys.publicKey,
      issuer: { certificate: issuer.certificate, privateKey: issuer.privateKey },
      notBefore: o.notBefore ?? new Date(at - 3_600_000),
      notAfter: o.notAfter,
      validityDays: o.validityDays ?? 365,
      ca: o.ca,
      pathLength: o.pathLength,
      omitBasicConstraints: o.omitBasicConstraints,
      keyUsage: o.keyUsage,
      extendedKeyUsage: o.extendedKeyUsage ?? defaultEku,
      dnsNames: o.dnsNames,
      ipAddresses: o.ipAddresses,
      emails: o.emails,
      extraExtensions: o.extraExtensions,
      ocspUrls: o.ocspUrls,
    });
    return { ...(await credential(certificate, keys.privateKey)), chain: [certificate, ...issuer.chain] };
  };

  // Placeholder so `issue` can default to it; set right below.
  let intermediate: TestCa = root;
  intermediate = await issue(
    `CN=${escapeDnValue(`${name} Issuing CA${caSuffix}`)}, O=${org}`,
    { issuer: root, ca: true, pathLength: 0, notBefore: new Date(at - DAY), validityDays: 1825 },
    [],
  );

  const leaf = (c: TestCa): TestLeaf => {
    const { chain, ...rest } = c;
    return { ...rest, chain, chainPem: chain.map((x) => x.pem).join('') };
  };

  return {
    name,
    keyType,
    root,
    intermediate,
    async issueClient(cn, o = {}) {
      return leaf(await issue(`CN=${escapeDnValue(cn)}, O=${org}`, o, ['clientAuth']));
    },
    async issueServer(names, o = {}) {
      const list = Array.isArray(names) ? names : [names];
      if (list.length === 0) throw new Error('issueServer needs at least one name');
      return leaf(
        await issue(
          `CN=${escapeDnValue(list[0])}, O=${org}`,
          { dnsNames: list.filter((n) => !isIP(n)), ipAddresses: list.filter((n) => isIP(n) !== 0), ...o },
          ['serverAuth'],
        ),
      );
    },
    async issueCa(cn, o = {}) {
      return issue(`CN=${escapeDnValue(cn)}, O=${org}`, { ...o, ca: o.omitBasicConstraints ? undefined : (o.ca ?? true) }, []);
    },
  };
}
