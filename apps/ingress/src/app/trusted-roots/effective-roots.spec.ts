import { createTestPki, type TestPki } from '@certgate/testing';
import { EffectiveRoots } from './effective-roots';

describe('effective trusted roots', () => {
  let a: TestPki;
  let b: TestPki;
  let c: TestPki;

  beforeAll(async () => {
    [a, b, c] = await Promise.all([createTestPki(), createTestPki(), createTestPki()]);
  });

  it('is env ∪ api ∪ client CA, each root listed with its source', () => {
    const roots = new EffectiveRoots({ env: [a.root.certificate], api: [b.root.certificate], clientCa: [c.root.certificate] });
    expect(roots.view().map((r) => [r.source, r.subjectDN])).toEqual([
      ['env', a.root.certificate.subjectDN],
      ['api', b.root.certificate.subjectDN],
      ['client-ca', c.root.certificate.subjectDN],
    ]);
    expect(roots.caPems).toEqual([a.root.certPem, b.root.certPem, c.root.certPem]);
    expect(roots.countBySource()).toEqual({ env: 1, api: 1, 'client-ca': 1 });
  });

  it('a root from two sources is listed twice but given to TLS once', () => {
    const roots = new EffectiveRoots({ env: [a.root.certificate], api: [a.root.certificate], clientCa: [] });
    expect(roots.view()).toHaveLength(2);
    expect(roots.caPems).toEqual([a.root.certPem]);
  });

  it('compares by certificates, not by source or order', () => {
    const one = new EffectiveRoots({ env: [a.root.certificate], api: [b.root.certificate], clientCa: [] });
    const same = new EffectiveRoots({ env: [], api: [b.root.certificate, a.root.certificate], clientCa: [] });
    const other = new EffectiveRoots({ env: [a.root.certificate], api: [c.root.certificate], clientCa: [] });
    expect(one.sameCertificatesAs(same)).toBe(true);
    expect(one.sameCertificatesAs(other)).toBe(false);
    expect(one.sameCertificatesAs(new EffectiveRoots({ env: [], api: [], clientCa: [] }))).toBe(false);
  });

  it('the view carries what GET /ingress/trusted-roots shows', () => {
    const [view] = new EffectiveRoots({ env: [], api: [a.root.certificate], clientCa: [] }).view();
    expect(view).toEqual({
      subjectDN: a.root.certificate.subjectDN,
      fingerprint: a.root.certificate.fingerprint,
      notBefore: a.root.certificate.notBefore.toISOString(),
      notAfter: a.root.certificate.notAfter.toISOString(),
      source: 'api',
      pem: a.root.certPem,
    });
  });
});
