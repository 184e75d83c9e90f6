import { createTestPki, type TestPki } from '@certgate/testing';
import { CertgateError } from '@certgate/contracts';
import { validateRootBundle } from './root-bundle';

async function refusal(p: Promise<unknown>): Promise<CertgateError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof CertgateError)) throw new Error(`expected a CertgateError, got ${String(err)}`);
  return err;
}

describe('PUT /ingress/trusted-roots bundle', () => {
  let pki: TestPki;
  let other: TestPki;

  beforeAll(async () => {
    pki = await createTestPki();
    other = await createTestPki();
  });

  it('takes self-signed root CAs, each once', async () => {
    const roots = await validateRootBundle(pki.root.certPem + other.root.certPem + pki.root.certPem);
    expect(roots.map((r) => r.fingerprint)).toEqual([pki.root.certificate.fingerprint, other.root.certificate.fingerprint]);
  });

  it('refuses an intermediate, naming its subject DN and the reason, and takes nothing of the bundle', async () => {
    const err = await refusal(validateRootBundle(pki.root.certPem + pki.intermediate.certPem));
    expect(err.code).toBe('invalid_anchor');
    expect(err.httpStatus).toBe(400);
    expect(err.message).toContain('certificate #2 of 2');
    expect(err.message).toContain(pki.intermediate.certificate.subjectDN);
    expect(err.message).toContain('invalid_anchor');
    expect(err.message).toMatch(/intermediate/);
    expect(err.details).toEqual({
      field: 'certificates',
      refused: [expect.objectContaining({ position: 2, subjectDN: pki.intermediate.certificate.subjectDN, reason: 'invalid_anchor' })],
    });
  });

  it('refuses a leaf', async () => {
    const leaf = await pki.issueClient('leaf');
    const err = await refusal(validateRootBundle(leaf.certPem));
    expect(err.message).toContain(leaf.certificate.subjectDN);
    expect(err.message).toMatch(/end-entity|leaf/);
  });

  it('names every refused certificate in the details', async () => {
    const leaf = await pki.issueClient('leaf2');
    const err = await refusal(validateRootBundle(pki.intermediate.certPem + other.root.certPem + leaf.certPem));
    expect((err.details?.refused as { position: number }[]).map((r) => r.position)).toEqual([1, 3]);
    expect(err.message).toContain('and 1 more');
  });

  it('refuses an expired root', async () => {
    const err = await refusal(validateRootBundle(pki.root.certPem, {}, new Date(pki.root.certificate.notAfter.getTime() + 1000)));
    expect(err.code).toBe('certificate_expired');
    expect(err.message).toContain('(expired)');
  });

  it('refuses an empty bundle, text without certificates and a private key', async () => {
    expect(await refusal(validateRootBundle('   \n'))).toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/no certificate/),
      details: { field: 'certificates' },
    });
    expect((await refusal(validateRootBundle('hello'))).code).toBe('certificate_invalid');
    const withKey = await refusal(validateRootBundle(pki.root.certPem + pki.root.keyPem));
    expect(withKey.message).toMatch(/private key/);
    expect(withKey.message).not.toContain('PRIVATE KEY-----');
  });
});
