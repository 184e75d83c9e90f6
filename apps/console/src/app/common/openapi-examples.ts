import type { z } from 'zod';
import type {
  AlertMute,
  AlertSubscriptionView,
  CertificateAlert,
  CertificateInfo,
  CertificateMapping,
  ConnectivityResult,
  DeployedFlow,
  FlowDefinition,
  Group,
  InventoryCertificate,
  KeystoreEntryView,
  Role,
  ServiceInstance,
  SigningKeys,
  UserView,
} from '@certgate/contracts';
import type {
  accessLogPageSchema,
  createdServiceKeyApiSchema,
  instanceWithKeysApiSchema,
  messageLogPageSchema,
  serviceKeyApiSchema,
  SystemHealth,
  traceLogPageSchema,
} from './api-views';

/*
 * Examples of the OpenAPI document: request bodies (named, one per variant, as Swagger
 * UI's "Try it out" sends them) and answers, after docs/api.md and the README's
 * walk-through. Typed by the contracts here; openapi.spec.ts checks each against the
 * schema it stands beside in the document.
 */

const AT = '2025-01-31T12:00:00.000Z';
const LATER = '2025-01-31T12:05:00.000Z';
const NOT_AFTER = '2026-01-31T12:00:00.000Z';
const BASE = 'https://certgate.example.com';

/** PEM values in examples are shortened: a real one is a few hundred characters of base64. */
export const EXAMPLE_CERTIFICATE_PEM = '-----BEGIN CERTIFICATE-----\nMIIBrzCCAVWgAwIBAgIUQ2Vy...dGdhdGU=\n-----END CERTIFICATE-----\n';
const ROOT_PEM = '-----BEGIN CERTIFICATE-----\nMIIBkTCCATegAwIBAgIUUm9v...dCBDQQ==\n-----END CERTIFICATE-----\n';
const FINGERPRINT = '5d1c3a7e9b0f24c68a13e7d2b4f6089a1c3e5f7092b4d6f8a0c2e4f6081a3c5e';
export const ROOT_FINGERPRINT = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
const KID = 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs';

const senderCertificate: CertificateInfo = {
  pem: EXAMPLE_CERTIFICATE_PEM,
  fingerprint: FINGERPRINT,
  subjectDN: 'CN=sender-a, O=Acme',
  issuerDN: 'CN=Acme Sender CA, O=Acme',
  serialNumber: '4f2a9c1e',
  notBefore: AT,
  notAfter: NOT_AFTER,
};

// --- roles --------------------------------------------------------------------------

export const role: Role = { name: 'Role1', description: 'may send orders', predefined: false, createdAt: AT };
export const roles: Role[] = [{ name: 'ESBMessaging.send', description: 'predefined role', predefined: true, createdAt: AT }, role];

// --- service instances and keys ---------------------------------------------------------

export const instance: ServiceInstance = {
  name: 'sender-a',
  parameters: { roles: ['Role1'], 'grant-types': ['client_x509'], 'redirect-uris': [] },
  createdAt: AT,
};
export const instances: ServiceInstance[] = [
  instance,
  { name: 'cc-app', parameters: { roles: ['Role1'], 'grant-types': ['client_credentials'], 'redirect-uris': ['https://app.example/cb'] }, createdAt: AT },
];
const endpoints = { url: `${BASE}/http`, tokenurl: `${BASE}/oauth/token` };
export const key: z.output<typeof serviceKeyApiSchema> = {
  instance: 'sender-a',
  name: 'k1',
  type: 'external-certificate',
  clientid: 'sb-sender-a!k1',
  certificate: senderCertificate,
  createdAt: AT,
  ...endpoints,
};
export const createdKey: z.output<typeof createdServiceKeyApiSchema> = {
  instance: 'cc-app',
  name: 's1',
  type: 'client-secret',
  clientid: 'sb-cc-app!s1',
  createdAt: AT,
  clientsecret: 'kY2s8vQm3Zp0b1XcF7uT9wE4rJ6hN5aD-gL0oS2iV8M',
  ...endpoints,
};
export const instanceWithKeys: z.output<typeof instanceWithKeysApiSchema> = { ...instance, keys: [key] };

// --- classic mode ----------------------------------------------------------------------

export const mapping: CertificateMapping = { id: FINGERPRINT, user: 'john.doe@acme.com', certificate: senderCertificate, createdAt: AT };
export const user: UserView = { name: 'john.doe@acme.com', roles: ['Role1'], groups: ['buyers'], effectiveRoles: ['Role1'], mappings: [FINGERPRINT] };
export const group: Group = { name: 'buyers', roles: ['Role1'], users: ['john.doe@acme.com'], createdAt: AT, updatedAt: AT };

// --- flows -------------------------------------------------------------------------------

export const flowDefinition: FlowDefinition = {
  id: 'orders',
  sender: { address: '/orders', authorization: { type: 'role', role: 'Role1' } },
  steps: [{ type: 'respond', status: 200, body: 'ok ${principal}' }],
  receiver: { url: 'https://erp.example:9443/in', authentication: { type: 'client-certificate', privateKeyAlias: 'to-erp' } },
};
export const certificateFlowDefinition: FlowDefinition = {
  id: 'partners',
  sender: {
    address: '/partners/v2',
    authorization: { type: 'client-certificate', certificates: [{ subjectDN: 'CN=partner, O=Partner', issuerDN: 'CN=Partner CA' }] },
  },
  steps: [{ type: 'echo' }],
};
export const deployedFlow: DeployedFlow = { definition: flowDefinition, certificateMatchers: [], deployedAt: AT, revision: 7 };

// --- keystore ------------------------------------------------------------------------------

export const keyPairEntry: KeystoreEntryView = {
  alias: 'to-erp',
  kind: 'key-pair',
  owner: 'tenant',
  subjectDN: 'CN=acme-tenant, O=Acme',
  issuerDN: 'CN=Partner CA, O=Partner',
  serialNumber: '1a2b3c4d',
  notBefore: AT,
  notAfter: NOT_AFTER,
  fingerprint: FINGERPRINT,
  chainPem: EXAMPLE_CERTIFICATE_PEM + ROOT_PEM,
  keyAlgorithm: 'EC P-256',
  chainLength: 2,
  status: 'valid',
  createdAt: AT,
  updatedAt: LATER,
};
export const newKeyPairEntry: KeystoreEntryView = {
  ...keyPairEntry,
  issuerDN: keyPairEntry.subjectDN,
  chainPem: EXAMPLE_CERTIFICATE_PEM,
  chainLength: 1,
  updatedAt: AT,
};
export const renewingEntry: KeystoreEntryView = {
  ...keyPairEntry,
  pending: {
    keyAlgorithm: 'EC P-256',
    subjectDN: 'CN=acme-tenant, O=Acme',
    issuerDN: 'CN=acme-tenant, O=Acme',
    serialNumber: '5e6f7a8b',
    notBefore: LATER,
    notAfter: '2027-01-31T12:05:00.000Z',
    fingerprint: ROOT_FINGERPRINT,
    chainPem: EXAMPLE_CERTIFICATE_PEM,
    createdAt: LATER,
  },
};
export const certificateEntry: KeystoreEntryView = {
  alias: 'erp-root',
  kind: 'certificate',
  owner: 'tenant',
  subjectDN: 'CN=ERP Root CA, O=ERP',
  issuerDN: 'CN=ERP Root CA, O=ERP',
  serialNumber: '01',
  notBefore: AT,
  notAfter: '2035-01-31T12:00:00.000Z',
  fingerprint: ROOT_FINGERPRINT,
  chainPem: ROOT_PEM,
  chainLength: 1,
  status: 'valid',
  createdAt: AT,
  updatedAt: AT,
};
export const CSR_PEM = '-----BEGIN CERTIFICATE REQUEST-----\nMIHfMIGHAgEAMCUxFDASBgNV...QUFBQQ==\n-----END CERTIFICATE REQUEST-----\n';
export const CHAIN_PEM = EXAMPLE_CERTIFICATE_PEM + ROOT_PEM;

// --- connectivity --------------------------------------------------------------------------------

export const connectivityResult: ConnectivityResult = {
  host: 'erp.example',
  port: 9443,
  serverName: 'erp.example',
  protocol: 'TLSv1.3',
  cipher: { name: 'TLS_AES_256_GCM_SHA384', standardName: 'TLS_AES_256_GCM_SHA384', version: 'TLSv1.3' },
  peerChain: [
    { ...senderCertificate, subjectDN: 'CN=erp.example', issuerDN: 'CN=ERP Root CA, O=ERP' },
    { ...senderCertificate, pem: ROOT_PEM, fingerprint: ROOT_FINGERPRINT, subjectDN: 'CN=ERP Root CA, O=ERP', issuerDN: 'CN=ERP Root CA, O=ERP' },
  ],
  clientAuthentication: {
    requested: true,
    acceptedIssuers: ['CN=Acme Client CA,O=Acme'],
    presented: { alias: 'to-erp', subjectDN: 'CN=acme-tenant, O=Acme', fingerprint: FINGERPRINT },
  },
  validation: { performed: true, valid: true, chainTrusted: true, hostnameMatches: true },
  durationMs: 42,
};

// --- ingress ------------------------------------------------------------------------------------------

export const trustedRoots = [
  {
    subjectDN: 'CN=Acme Sender Root, O=Acme',
    fingerprint: ROOT_FINGERPRINT,
    notBefore: AT,
    notAfter: '2035-01-31T12:00:00.000Z',
    source: 'api' as const,
    pem: ROOT_PEM,
    policy: {
      eku: 'require-clientAuth' as const,
      revocation: { crlUrls: ['http://pki.acme.example/root.crl'], distributionPoints: true, ocsp: false, onUnavailable: 'fail-closed' as const },
    },
  },
  {
    subjectDN: 'CN=certgate client CA acme',
    fingerprint: FINGERPRINT,
    notBefore: AT,
    notAfter: '2035-01-31T12:00:00.000Z',
    source: 'client-ca' as const,
    pem: EXAMPLE_CERTIFICATE_PEM,
    policy: { eku: 'require-clientAuth' as const, revocation: null },
  },
];

export const serverIdentity = {
  source: 'api' as const,
  subjectDN: 'CN=ingress.acme.example',
  issuerDN: 'CN=Acme Issuing CA, O=Acme',
  fingerprint: FINGERPRINT,
  notBefore: AT,
  notAfter: '2026-02-28T12:00:00.000Z',
  chainLength: 2,
};

export const host = { hostName: 'partners.acme.example', clientCert: 'required' as const, roots: [ROOT_FINGERPRINT] };

export const rootPolicy = {
  eku: 'allow-missing-eku' as const,
  revocation: { crlUrls: ['http://pki.acme.example/issuing.crl'], distributionPoints: true, ocsp: true, onUnavailable: 'fail-open' as const },
};

export const crls = [
  {
    source: 'http://pki.acme.example/issuing.crl',
    origin: 'configured' as const,
    issuerDN: 'CN=Acme Issuing CA, O=Acme',
    thisUpdate: AT,
    nextUpdate: '2025-02-01T12:00:00.000Z',
    revoked: 3,
    fetchedAt: AT,
  },
  {
    source: 'http://pki.acme.example/root.crl',
    origin: 'configured' as const,
    error: 'fetching http://pki.acme.example/root.crl answered 503, not 200',
  },
];

// --- logs -------------------------------------------------------------------------------------------------

export const accessLog: z.output<typeof accessLogPageSchema> = [
  {
    seq: 1234,
    line: '127.0.0.1 - sb-sender-a!k1 [31/Jan/2025:12:00:00 +0000] "POST /http/orders HTTP/1.1" 200 12 ms',
    time: AT,
    nodeId: 'ingress-1',
    requestId: '0f3c2a9e-8d41-4b7a-9c55-2e6b1d0a7f13',
    ip: '127.0.0.1',
    who: 'sb-sender-a!k1',
    method: 'POST',
    path: '/http/orders',
    status: 200,
    durationMs: 12,
  },
];
export const traceLog: z.output<typeof traceLogPageSchema> = [
  {
    seq: 981,
    line: '2025-01-31T12:00:00.000Z WARN certificate_rejected reason=untrusted_root subject="CN=stranger"',
    time: AT,
    nodeId: 'ingress-1',
    requestId: '7a1e4c2b-90d3-4f6e-8b5a-1c2d3e4f5a6b',
    level: 'warn',
    event: 'certificate_rejected',
    reason: 'untrusted_root',
    message: 'the certificate chain ends in a root CA that is not trusted',
    details: { subjectDN: 'CN=stranger' },
  },
];
export const messageLog: z.output<typeof messageLogPageSchema> = [
  {
    seq: 77,
    messageId: 'c5d0e1f2-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
    requestId: '0f3c2a9e-8d41-4b7a-9c55-2e6b1d0a7f13',
    flowId: 'orders',
    address: '/orders',
    principal: 'sb-sender-a!k1',
    status: 200,
    outcome: 'completed',
    durationMs: 9,
    time: AT,
    nodeId: 'flow-runtime-1',
  },
];

// --- oauth -----------------------------------------------------------------------------------------------

const jwk = { kty: 'EC' as const, crv: 'P-256' as const, x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0' };
export const signingKeys: SigningKeys = {
  active: KID,
  keys: [{ kid: KID, alg: 'ES256', status: 'active', createdAt: AT, publicJwk: jwk }],
};
export const rotatedSigningKeys: SigningKeys = {
  active: 'Yw9sUa3oDq0Rk2mTQe1x5Nf8cV7bZjH4pL6gW0iE2rA',
  keys: [
    { kid: 'Yw9sUa3oDq0Rk2mTQe1x5Nf8cV7bZjH4pL6gW0iE2rA', alg: 'ES256', status: 'active', createdAt: LATER, publicJwk: jwk },
    { kid: KID, alg: 'ES256', status: 'previous', createdAt: AT, supersededAt: LATER, publishedUntil: '2025-01-31T13:10:00.000Z', publicJwk: jwk },
  ],
};

// --- certificates and alerts -------------------------------------------------------------------------------

export const inventory: InventoryCertificate[] = [
  {
    source: 'service-key',
    ref: 'sender-a/k1',
    subjectDN: 'CN=sender-a, O=Acme',
    issuerDN: 'CN=Acme Sender CA, O=Acme',
    subjectCN: 'sender-a',
    issuerCN: 'Acme Sender CA',
    serial: '4f2a9c1e',
    fingerprint: FINGERPRINT,
    notBefore: AT,
    notAfter: '2025-02-20T12:00:00.000Z',
    status: 'expiring',
    daysLeft: 20,
    muted: false,
  },
];
export const alerts: CertificateAlert[] = [
  {
    id: `service-key:${FINGERPRINT}:30`,
    type: 'expiring',
    source: 'service-key',
    ref: 'sender-a/k1',
    subjectDN: 'CN=sender-a, O=Acme',
    issuerDN: 'CN=Acme Sender CA, O=Acme',
    serial: '4f2a9c1e',
    fingerprint: FINGERPRINT,
    notAfter: '2025-02-20T12:00:00.000Z',
    daysLeft: 20,
    threshold: 30,
    raisedAt: AT,
  },
];
export const scan = { certificates: 14, raised: 1, durationMs: 35 };
export const mute: AlertMute = { source: 'flow', reason: 'short-lived certificates that renew themselves', mutedAt: AT };
export const subscription: AlertSubscriptionView = {
  id: 'a3f9c2d1e0b84c7f',
  url: 'https://ops.example/hooks/certgate',
  sources: ['keystore', 'service-key'],
  thresholds: [30, 7],
  createdAt: AT,
  consumer: 'webhook-a3f9c2d1e0b84c7f',
  deliveries: { delivered: 12, failedAttempts: 2, lastDeliveredAt: AT, lastFailedAt: AT, lastError: 'receiver answered HTTP 503', pending: 0 },
};

// --- health ---------------------------------------------------------------------------------------------------

const replica = (service: SystemHealth['services']['console']['replicas'][number]['service'], nodeId: string) => ({
  service,
  nodeId,
  status: 'up' as const,
  version: '0.1.0',
  startedAt: AT,
  uptimeSeconds: 3600,
  checks: { nats: { status: 'up' as const } },
});
export const health: SystemHealth = {
  status: 'up',
  services: {
    ingress: { status: 'up', replicas: [replica('ingress', 'ingress-1')] },
    identity: { status: 'up', replicas: [replica('identity', 'identity-1')] },
    keystore: { status: 'up', replicas: [replica('keystore', 'keystore-1')] },
    'flow-runtime': { status: 'up', replicas: [replica('flow-runtime', 'flow-runtime-1')] },
    console: { status: 'up', replicas: [replica('console', 'console-1')] },
  },
  checkedAt: LATER,
};
