import { tenantConfigurationSpecSchema } from '@certgate/contracts';
import { createTestPki, type TestLeaf, type TestPki } from '@certgate/testing';
import { normaliseSpec } from './normalise';
import type { Change, Plan } from './plan';
import { emptySnapshot } from './tenant-snapshot';
import { checkFile, checkReferences, checkSecrets } from './validate';

type SpecInput = Parameters<typeof tenantConfigurationSpecSchema.parse>[0];
const parse = (input: SpecInput) => tenantConfigurationSpecSchema.parse(input);

describe('checkFile: the file on its own, every problem named', () => {
  let pki: TestPki;
  let leaf: TestLeaf;
  let expired: TestLeaf;
  let server: TestLeaf;

  beforeAll(async () => {
    pki = await createTestPki();
    leaf = await pki.issueClient('sender');
    expired = await pki.issueClient('old sender', { notBefore: new Date(Date.now() - 10 * 86_400_000), notAfter: new Date(Date.now() - 86_400_000) });
    server = await pki.issueServer('erp.example');
  });

  it('a clean file has no problems', () => {
    const file = parse({
      trustedRoots: [{ pem: pki.root.certPem }],
      roles: [{ name: 'Role1' }],
      serviceInstances: [
        { name: 'a', parameters: { 'grant-types': ['client_x509'] }, keys: [{ name: 'k1', type: 'external-certificate', certificate: leaf.certPem }] },
      ],
      classic: { mappings: [{ user: 'alice', certificate: leaf.certPem }] },
      keystore: { trustedCertificates: [{ alias: 'erp-root', certificate: pki.root.certPem }] },
    });
    expect(checkFile(file)).toEqual([]);
  });

  it('names every problem at once: unreadable or wrong certificates, repeats, the predefined role, keys on a client_credentials instance', () => {
    const file = parse({
      trustedRoots: [{ pem: 'not a certificate' }, { pem: leaf.certPem }, { pem: pki.root.certPem }, { pem: pki.root.certPem }],
      ingressHosts: [{ hostName: 'Orders.Acme.Example' }, { hostName: 'orders.acme.example', clientCert: 'required' }],
      roles: [{ name: 'Role1' }, { name: 'Role1' }, { name: 'ESBMessaging.send' }],
      serviceInstances: [
        {
          name: 'a',
          parameters: { 'grant-types': ['client_x509'] },
          keys: [
            { name: 'k1', type: 'external-certificate', certificate: pki.intermediate.certPem },
            { name: 'k2', type: 'external-certificate', certificate: expired.certPem },
            { name: 'k3', type: 'external-certificate', certificate: server.certPem },
            { name: 'k4', type: 'external-certificate', certificate: leaf.certPem },
          ],
        },
        { name: 'cc', parameters: { 'grant-types': ['client_credentials'] }, keys: [{ name: 'k1', type: 'external-certificate', certificate: leaf.certPem }] },
      ],
      flows: [
        {
          id: 'f1',
          sender: {
            address: '/x',
            authorization: { type: 'client-certificate', certificates: [{ pem: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }] },
          },
        },
        { id: 'f2', sender: { address: '/x', authorization: { type: 'role', role: 'Role1' } } },
      ],
      classic: { mappings: [{ user: 'alice', certificate: leaf.chainPem }] },
      keystore: {
        trustedCertificates: [{ alias: 'dup', certificate: pki.root.certPem }],
        keyPairs: [{ alias: 'dup', keyType: 'EC', subjectDN: 'CN=x' }],
      },
    });
    const problems = checkFile(file);
    const subject = (l: { certificate: { subjectDN: string } }) => l.certificate.subjectDN;
    expect(problems).toEqual([
      'trustedRoots[0].pem: not a PEM certificate (no -----BEGIN CERTIFICATE----- block)',
      `trustedRoots[1].pem: '${subject(leaf)}' is not a self-signed CA certificate; a trusted root must be one`,
      `trustedRoots: the same certificate (sha256:${pki.root.certificate.fingerprint.slice(0, 16)}…) is listed 2 times`,
      'ingressHosts: host name orders.acme.example is listed 2 times',
      'roles[2]: ESBMessaging.send is the predefined role, which every tenant has; it is never listed',
      'roles: role Role1 is listed 2 times',
      `serviceInstances[0] (a).keys[0] (k1).certificate: '${subject(pki.intermediate)}' is a CA certificate; a leaf (the sender's own certificate) is expected`,
      expect.stringMatching(/^serviceInstances\[0\] \(a\)\.keys\[1\] \(k2\)\.certificate: '.*old sender.*' has expired \(/),
      expect.stringMatching(/^serviceInstances\[0\] \(a\)\.keys\[2\] \(k3\)\.certificate: '.*erp\.example.*' is not allowed for client authentication/),
      'serviceInstances[1] (cc).keys: external-certificate keys need the grant type client_x509',
      'keys a/k4 and cc/k1 hold the same certificate; a certificate belongs to one key only',
      'flows f1 and f2 both use address /x; one flow per address',
      expect.stringMatching(/^flows\[0\] \(f1\)\.sender\.authorization\.certificates\[0\]\.pem: not a readable certificate/),
      'classic.mappings[0] (alice).certificate: one certificate expected, the PEM holds 2',
      'keystore: alias dup (an alias names one entry, trusted certificate or key pair) is listed 2 times',
    ]);
  });
});

describe('checkReferences: what the file refers to exists after the apply', () => {
  let pki: TestPki;
  let leaf: TestLeaf;
  let other: TestLeaf;

  beforeAll(async () => {
    pki = await createTestPki();
    [leaf, other] = await Promise.all([pki.issueClient('sender'), pki.issueClient('stranger')]);
  });

  const file = () =>
    normaliseSpec(
      parse({
        roles: [{ name: 'Role1' }],
        serviceInstances: [
          {
            name: 'a',
            parameters: { roles: ['Role1', 'Nope'], 'grant-types': ['client_x509'] },
            keys: [{ name: 'k', type: 'external-certificate', certificate: leaf.certPem }],
          },
        ],
        flows: [
          { id: 'by-role', sender: { address: '/r', authorization: { type: 'role', role: 'TenantRole' } } },
          {
            id: 'by-cert',
            sender: { address: '/c', authorization: { type: 'client-certificate', certificates: [{ pem: leaf.certPem }, { pem: other.certPem }] } },
            receiver: { url: 'https://erp.example/in', authentication: { type: 'client-certificate', privateKeyAlias: 'erp-root' } },
          },
          {
            id: 'to-missing',
            sender: { address: '/m', authorization: { type: 'role', role: 'Role1' } },
            receiver: { url: 'https://erp.example/in', authentication: { type: 'client-certificate', privateKeyAlias: 'no-such-pair' } },
          },
        ],
        classic: { users: [{ name: 'alice', roles: ['Role1'] }], groups: [{ name: 'buyers', roles: ['Role1'], users: ['alice', 'bob'] }] },
        keystore: { trustedCertificates: [{ alias: 'erp-root', certificate: pki.root.certPem }] },
      }),
    );

  it('roles, users, key pairs and listed certificates: in the file, or in the tenant unless --prune drops them', () => {
    const tenant = emptySnapshot();
    tenant.config.roles.push({ name: 'TenantRole' });
    tenant.config.classic.users.push({ name: 'bob', roles: [] });
    expect(checkReferences(file(), tenant, { prune: false })).toEqual([
      'instance a: parameters.roles: role Nope is not in the file nor in the tenant',
      'flow by-cert: sender.authorization.certificates[1]: the certificate is in no key of a client_x509 instance and in no mapping, in the file nor in the tenant',
      'flow by-cert: receiver.authentication.privateKeyAlias: erp-root is a trusted certificate, not a key pair',
      'flow to-missing: receiver.authentication.privateKeyAlias: key pair no-such-pair is not in the file nor in the tenant',
    ]);

    expect(checkReferences(file(), tenant, { prune: true })).toEqual([
      'instance a: parameters.roles: role Nope is not in the file (with --prune, only what the file lists is left)',
      'group buyers: users: user bob is not in the file (with --prune, only what the file lists is left)',
      'flow by-cert: sender.authorization.certificates[1]: the certificate is in no key of a client_x509 instance and in no mapping, in the file (with --prune, only what the file lists is left)',
      'flow by-cert: receiver.authentication.privateKeyAlias: erp-root is a trusted certificate, not a key pair',
      'flow by-role: sender.authorization.role: role TenantRole is not in the file (with --prune, only what the file lists is left)',
      'flow to-missing: receiver.authentication.privateKeyAlias: key pair no-such-pair is not in the file nor in the tenant',
    ]);
  });

  it('the system key pair is always there to point at', () => {
    const spec = normaliseSpec(
      parse({
        flows: [
          {
            id: 'out',
            sender: { address: '/o', authorization: { type: 'role', role: 'ESBMessaging.send' } },
            receiver: { url: 'https://erp.example/in', authentication: { type: 'client-certificate', privateKeyAlias: 'sap_cloudintegrationcertificate' } },
          },
        ],
      }),
    );
    expect(checkReferences(spec, emptySnapshot(), { prune: true })).toEqual([]);
  });
});

describe('checkSecrets: a subscription apply creates takes its secret from the environment', () => {
  const plan = (action: Change['action']): Plan => ({
    prune: false,
    kept: [],
    changes: [
      { kind: 'subscription', key: 'https://ops.example/hook', action, fields: [], desired: { url: 'https://ops.example/hook', secretEnv: 'HOOK_SECRET' } },
    ],
  });

  it('names a variable that is not set or holds a secret of the wrong length; a removal needs none', () => {
    expect(checkSecrets(plan('create'), {})).toEqual([
      'subscription https://ops.example/hook: secretEnv HOOK_SECRET: the environment variable is not set (apply reads the webhook secret from it)',
    ]);
    expect(checkSecrets(plan('replace'), { HOOK_SECRET: 'short' })).toEqual([
      'subscription https://ops.example/hook: secretEnv HOOK_SECRET: the secret must be 16 to 256 characters (it has 5)',
    ]);
    expect(checkSecrets(plan('create'), { HOOK_SECRET: 'a-long-enough-shared-secret' })).toEqual([]);
    expect(checkSecrets(plan('delete'), {})).toEqual([]);
  });
});
