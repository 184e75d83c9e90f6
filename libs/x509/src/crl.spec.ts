// The edges of CRL handling; CRLs made by openssl, and agreement with `openssl verify
// -crl_check_all`, are in libs/testing (openssl-crl.spec.ts).
import { x509 } from './engine';
import { crlDistributionUrls, parseCrl, type Crl } from './crl';
import { issued, specPki, type Ca } from './spec-fixtures';
import { checkRevocation, missingEkuProblem } from './revocation';

const HOUR = 3_600_000;
const ECDSA = { name: 'ECDSA', hash: 'SHA-256' };
/** cRLNumber 1 (INTEGER 1), non-critical: every conforming CRL has one. */
const CRL_NUMBER_1 = new x509.Extension('2.5.29.20', false, new Uint8Array([0x02, 0x01, 0x01]));

async function crlBy(ca: Ca, params: Partial<x509.X509CrlCreateParams> = {}): Promise<Crl> {
  const made = await x509.X509CrlGenerator.create({
    issuer: ca.certificate.toX509().subjectName,
    thisUpdate: new Date(Date.now() - HOUR),
    nextUpdate: new Date(Date.now() + HOUR),
    signingAlgorithm: ECDSA,
    signingKey: ca.privateKey,
    ...params,
    extensions: [CRL_NUMBER_1, ...(params.extensions ?? [])],
  });
  return parseCrl(made.toString('pem'));
}

describe('CRLs (libs/x509)', () => {
  let pki: Awaited<ReturnType<typeof specPki>>;

  beforeAll(async () => {
    pki = await specPki();
  });

  it('refuses what is not one CRL, saying so', () => {
    expect(() => parseCrl('')).toThrow('the input is not a CRL');
    expect(() => parseCrl(pki.root.certificate.pem)).toThrow('the input is not a CRL');
    expect(() => parseCrl(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toThrow('not a DER-encoded certificate revocation list');
    expect(() => parseCrl(new Uint8Array())).toThrow('no CRL was given');
  });

  it('is current only between thisUpdate and nextUpdate, and never without a nextUpdate', async () => {
    const crl = await crlBy(pki.intermediate);
    expect(crl.problemAt(new Date())).toBeUndefined();
    expect(crl.problemAt(new Date(Date.now() + 2 * HOUR))).toMatch(/stale: its nextUpdate .* has passed/);
    expect(crl.problemAt(new Date(Date.now() - 2 * HOUR))).toMatch(/still to come/);
    expect((await crlBy(pki.intermediate, { nextUpdate: undefined })).problemAt(new Date())).toMatch(/no nextUpdate/);
  });

  it('is not used with a critical extension it does not understand (a delta CRL indicator, RFC 5280 §5.2.4)', async () => {
    const delta = await crlBy(pki.intermediate, { extensions: [new x509.Extension('2.5.29.27', true, new Uint8Array([0x02, 0x01, 0x01]))] });
    expect(delta.problemAt(new Date())).toMatch(/critical extension 2\.5\.29\.27/);
  });

  it('speaks only for the CA whose name and key signed it', async () => {
    const crl = await crlBy(pki.intermediate);
    expect(await crl.issuedBy(pki.intermediate.certificate)).toBe(true);
    expect(await crl.issuedBy(pki.root.certificate)).toBe(false);
    // Same name, other key: an impostor CA.
    const impostor = await issued(pki.root, pki.intermediate.certificate.subjectDN, { ca: true });
    expect(await crl.issuedBy(impostor.certificate)).toBe(false);
  });

  it('a CA whose key usage lacks cRLSign cannot sign CRLs', async () => {
    const noCrlSign = await issued(pki.root, 'CN=No CRL Sign CA, O=Spec', { ca: true, keyUsage: ['keyCertSign'] });
    expect(await (await crlBy(noCrlSign)).issuedBy(noCrlSign.certificate)).toBe(false);
  });

  it('finds a revoked serial whatever its sign padding, and follows the path up', async () => {
    const alice = await pki.leaf('alice');
    const crl = await crlBy(pki.intermediate, { entries: [{ serialNumber: `00${alice.certificate.serialNumber}`, revocationDate: new Date() }] });
    const rootCrl = await crlBy(pki.root);
    const chain = [alice.certificate, pki.intermediate.certificate, pki.root.certificate];
    expect(await checkRevocation({ chain, crlsOf: () => [crl, rootCrl], mode: 'fail-closed' })).toMatchObject({ ok: false, reason: 'revoked' });
    // Without the root's CRL the intermediate's status is unknown.
    const bob = await pki.leaf('bob');
    const unknown = await checkRevocation({ chain: [bob.certificate, ...chain.slice(1)], crlsOf: () => [crl], mode: 'fail-closed' });
    expect(unknown).toMatchObject({ ok: false, reason: 'revocation_unknown', certificate: pki.intermediate.certificate });
  });

  it('reads http(s) distribution points, skipping partial and indirect ones', async () => {
    const cdp = new x509.CRLDistributionPointsExtension(['http://pki.example/issuing.crl', 'ldap://pki.example/cn=crl']);
    const leaf = await pki.leaf('carol', { extraExtensions: [{ oid: cdp.type, value: new Uint8Array(cdp.value) }] });
    expect(crlDistributionUrls(leaf.certificate)).toEqual(['http://pki.example/issuing.crl']);
    expect(crlDistributionUrls(pki.root.certificate)).toEqual([]);
  });

  it('EKU policy: a leaf without EKU is refused under require-clientAuth only', async () => {
    const bare = await pki.leaf('dave', { extendedKeyUsage: [] });
    expect(missingEkuProblem(bare.certificate, 'clientAuth', 'require-clientAuth')).toMatch(/has no extended key usage/);
    expect(missingEkuProblem(bare.certificate, 'clientAuth', 'allow-missing-eku')).toBeUndefined();
    expect(missingEkuProblem((await pki.leaf('erin')).certificate, 'clientAuth', 'require-clientAuth')).toBeUndefined();
  });
});
