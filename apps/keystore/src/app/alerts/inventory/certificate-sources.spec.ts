import { certificateMatcherSchema, type DeployedFlow, type StoredKeystoreEntry } from '@certgate/contracts';
import { createTestPki, type TestLeaf, type TestPki } from '@certgate/testing';
import {
  apiRootCertificates,
  envRootCertificates,
  flowCertificates,
  keystoreEntryCertificates,
  mappingCertificates,
  serverChainCertificates,
  serviceKeyCertificates,
} from './certificate-sources';

const info = (leaf: TestLeaf) => ({
  pem: leaf.certPem,
  fingerprint: leaf.certificate.fingerprint,
  subjectDN: leaf.certificate.subjectDN,
  issuerDN: leaf.certificate.issuerDN,
  serialNumber: leaf.certificate.serialNumber,
  notBefore: leaf.certificate.notBefore.toISOString(),
  notAfter: leaf.certificate.notAfter.toISOString(),
});

describe('certificates of each source, with the refs of the contract', () => {
  let pki: TestPki;
  let a: TestLeaf;
  let b: TestLeaf;
  const problems: [string, string][] = [];
  const onProblem = (ref: string, p: string) => problems.push([ref, p]);

  beforeAll(async () => {
    pki = await createTestPki();
    a = await pki.issueClient('alice', { validityDays: 20 });
    b = await pki.issueClient('bob', { validityDays: 40 });
  });
  beforeEach(() => (problems.length = 0));

  it('keystore: every certificate of the chain, and of a pending renewal', () => {
    const entry = {
      alias: 'partner',
      chainPem: a.chainPem,
      pending: { chainPem: b.certPem },
    } as unknown as StoredKeystoreEntry;
    const certs = keystoreEntryCertificates(entry, onProblem);
    expect(certs.map((c) => [c.source, c.ref, c.fingerprint])).toEqual([
      ['keystore', 'partner#0', a.certificate.fingerprint],
      ['keystore', 'partner#1', pki.intermediate.certificate.fingerprint],
      ['keystore', 'partner/renewal#0', b.certificate.fingerprint],
    ]);
    expect(certs[0]).toMatchObject({
      subjectCN: 'alice',
      issuerCN: pki.intermediate.certificate.subjectCN,
      serial: a.certificate.serialNumber,
      notAfter: a.certificate.notAfter.toISOString(),
      notAfterMs: a.certificate.notAfter.getTime(),
    });
    expect(problems).toEqual([]);
  });

  it('keystore: an unreadable certificate is reported and left out, the rest still counts', () => {
    const broken = a.certPem.replace(/(-----BEGIN CERTIFICATE-----\n)(.{20})/, '$1AAAAAAAAAAAAAAAAAAAA');
    const certs = keystoreEntryCertificates({ alias: 'x', chainPem: broken + pki.intermediate.certPem } as unknown as StoredKeystoreEntry, onProblem);
    expect(certs.map((c) => c.ref)).toEqual(['x#1']);
    expect(problems.map(([ref]) => ref)).toEqual(['x#0']);
  });

  it('service keys and mappings: from the stored certificate info, CNs from the DNs', () => {
    const key = serviceKeyCertificates(
      { instance: 'orders', name: 'k1', type: 'external-certificate', clientid: 'sb-orders!k1', certificate: info(a), createdAt: '' },
      onProblem,
    );
    expect(key).toEqual([
      expect.objectContaining({
        source: 'service-key',
        ref: 'orders/k1',
        fingerprint: a.certificate.fingerprint,
        subjectCN: 'alice',
        notAfterMs: a.certificate.notAfter.getTime(),
      }),
    ]);
    expect(serviceKeyCertificates({ instance: 'o', name: 's', type: 'client-secret', clientid: 'sb-o!s', createdAt: '' }, onProblem)).toEqual([]);
    const id = b.certificate.fingerprint;
    expect(mappingCertificates({ id, user: 'bob', certificate: info(b), createdAt: '' }, onProblem)).toEqual([
      expect.objectContaining({ source: 'user-mapping', ref: id, subjectCN: 'bob' }),
    ]);
  });

  it('flows: certificate entries by position; DN pairs name no certificate; the matcher stands in for an unreadable PEM', () => {
    const flow: DeployedFlow = {
      definition: {
        id: 'orders',
        sender: {
          address: '/orders',
          authorization: { type: 'client-certificate', certificates: [{ subjectDN: 'CN=x', issuerDN: 'CN=y' }, { pem: a.certPem }, { pem: 'garbage' }] },
        },
        steps: [],
      },
      certificateMatchers: [
        certificateMatcherSchema.parse({ normalizedSubjectDN: 'cn=x', normalizedIssuerDN: 'cn=y', subjectDN: 'CN=x', issuerDN: 'CN=y' }),
        {
          fingerprint: a.certificate.fingerprint,
          subjectDN: a.certificate.subjectDN,
          issuerDN: a.certificate.issuerDN,
          notAfter: a.certificate.notAfter.toISOString(),
        },
        {
          fingerprint: b.certificate.fingerprint,
          subjectDN: b.certificate.subjectDN,
          issuerDN: b.certificate.issuerDN,
          notAfter: b.certificate.notAfter.toISOString(),
        },
      ],
      deployedAt: '',
    };
    const certs = flowCertificates(flow, onProblem);
    expect(certs.map((c) => [c.ref, c.fingerprint, c.serial])).toEqual([
      ['orders#1', a.certificate.fingerprint, a.certificate.serialNumber],
      ['orders#2', b.certificate.fingerprint, ''],
    ]);
    expect(certs[1]).toMatchObject({ subjectCN: 'bob', notAfterMs: b.certificate.notAfter.getTime() });
  });

  it('ingress: API roots from the bucket, env roots and the server chain from the ingress; the client CA is the keystore entry', () => {
    const root = pki.root.certPem;
    expect(apiRootCertificates({ pems: [root, pki.intermediate.certPem], updatedAt: '' }, onProblem).map((c) => [c.source, c.ref])).toEqual([
      ['ingress-trusted-root', 'api#0'],
      ['ingress-trusted-root', 'api#1'],
    ]);
    const views = [
      { source: 'env', pem: root },
      { source: 'api', pem: root },
      { source: 'client-ca', pem: root },
      { source: 'env', pem: pki.intermediate.certPem },
    ];
    expect(envRootCertificates(views, onProblem).map((c) => c.ref)).toEqual(['env#0', 'env#1']);
    expect(serverChainCertificates(a.chainPem, onProblem).map((c) => [c.source, c.ref])).toEqual([
      ['ingress-server-chain', 'server#0'],
      ['ingress-server-chain', 'server#1'],
    ]);
  });
});
