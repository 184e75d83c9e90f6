// libs/x509's revocation check against CRLs openssl wrote, and against openssl's own
// verdict (`openssl verify -crl_check_all`) on the same chains and CRLs.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRevocation, parseCrl, toPemBundle, type Crl } from '@certgate/x509';
import { opensslAvailable, runOpenssl } from './openssl';
import { opensslCrl } from './openssl-crl';
import { createTestPki, type TestLeaf, type TestPki } from './test-pki';

const HOUR = 3_600_000;
const describeWithOpenssl = opensslAvailable() ? describe : describe.skip;

describeWithOpenssl('CRLs made by openssl, applied by libs/x509', () => {
  let pki: TestPki;
  let alice: TestLeaf;
  let bob: TestLeaf;
  let rootCrl: Crl;

  beforeAll(async () => {
    pki = await createTestPki();
    alice = await pki.issueClient('alice');
    bob = await pki.issueClient('bob');
    rootCrl = parseCrl(opensslCrl({ ca: pki.root }) as string);
  });

  const path = (leaf: TestLeaf) => [...leaf.chain, pki.root.certificate];
  const issuingCrl = (revoked: TestLeaf[], at = new Date(), hours = 24) =>
    parseCrl(
      opensslCrl({
        ca: pki.intermediate,
        revoked: revoked.map((l) => ({ certificate: l.certificate, reason: 'keyCompromise' })),
        thisUpdate: at,
        nextUpdate: new Date(at.getTime() + hours * HOUR),
      }),
    );

  it('reads PEM and DER alike, with its issuer, dates and entries', () => {
    const der = opensslCrl({ ca: pki.intermediate, revoked: [{ certificate: bob.certificate }], format: 'der' }) as Buffer;
    const crl = parseCrl(new Uint8Array(der));
    expect(crl.issuerDN).toBe(pki.intermediate.certificate.subjectDN);
    expect(crl.revokedCount).toBe(1);
    expect(crl.revocationOf(bob.certificate)).toBeDefined();
    expect(crl.revocationOf(alice.certificate)).toBeUndefined();
    expect(crl.nextUpdate?.getTime()).toBeGreaterThan(crl.thisUpdate.getTime());
  });

  it('refuses a revoked leaf with `revoked`, naming it, its serial and the reason; admits the others', async () => {
    const crl = issuingCrl([bob]);
    const crlsOf = () => [crl, rootCrl];
    const refused = await checkRevocation({ chain: path(bob), crlsOf, mode: 'fail-closed' });
    expect(refused).toMatchObject({ ok: false, reason: 'revoked' });
    expect((refused as { message: string }).message).toContain(bob.certificate.serialNumber);
    expect((refused as { message: string }).message).toContain('keyCompromise');
    expect(await checkRevocation({ chain: path(alice), crlsOf, mode: 'fail-closed' })).toEqual({ ok: true, unknown: [] });
  });

  it('does not take a CRL signed by another key, or one of another CA, as current', async () => {
    const other = await createTestPki({ name: 'Other' });
    const forged = parseCrl(opensslCrl({ ca: other.intermediate }) as string);
    const verdict = await checkRevocation({ chain: path(alice), crlsOf: () => [forged, rootCrl], mode: 'fail-closed' });
    expect(verdict).toMatchObject({ ok: false, reason: 'revocation_unknown' });
    expect((verdict as { message: string }).message).toContain('no CRL of');
  });

  it('fails closed on a stale CRL and admits under fail-open, saying why', async () => {
    const stale = issuingCrl([], new Date(Date.now() - 48 * HOUR), 24);
    const closed = await checkRevocation({ chain: path(alice), crlsOf: () => [stale, rootCrl], mode: 'fail-closed' });
    expect(closed).toMatchObject({ ok: false, reason: 'revocation_unknown' });
    expect((closed as { message: string }).message).toContain('stale');
    const open = await checkRevocation({ chain: path(alice), crlsOf: () => [stale, rootCrl], mode: 'fail-open' });
    expect(open.ok).toBe(true);
    expect((open as { unknown: { problem: string }[] }).unknown.map((u) => u.problem)).toEqual([expect.stringContaining('stale')]);
  });

  it('checks the intermediate against the root CRL too', async () => {
    const revokedCa = parseCrl(opensslCrl({ ca: pki.root, revoked: [{ certificate: pki.intermediate.certificate }] }) as string);
    const verdict = await checkRevocation({ chain: path(alice), crlsOf: () => [issuingCrl([]), revokedCa], mode: 'fail-closed' });
    expect(verdict).toMatchObject({ ok: false, reason: 'revoked', certificate: pki.intermediate.certificate });
  });

  it('agrees with openssl verify -crl_check_all on revoked, current and stale CRLs', async () => {
    const cases = [
      { leaf: bob, crl: issuingCrl([bob]), expected: false },
      { leaf: alice, crl: issuingCrl([bob]), expected: true },
      { leaf: alice, crl: issuingCrl([], new Date(Date.now() - 48 * HOUR), 24), expected: false },
    ];
    for (const c of cases) {
      const ours = await checkRevocation({ chain: path(c.leaf), crlsOf: () => [c.crl, rootCrl], mode: 'fail-closed' });
      const dir = mkdtempSync(join(tmpdir(), 'certgate-crl-verify-'));
      try {
        writeFileSync(join(dir, 'root.pem'), pki.root.certPem);
        writeFileSync(join(dir, 'untrusted.pem'), toPemBundle([pki.intermediate.certificate]));
        writeFileSync(join(dir, 'crls.pem'), c.crl.pem + rootCrl.pem);
        writeFileSync(join(dir, 'leaf.pem'), c.leaf.certPem);
        const theirs = runOpenssl(['verify', '-crl_check_all', '-CAfile', 'root.pem', '-untrusted', 'untrusted.pem', '-CRLfile', 'crls.pem', 'leaf.pem'], {
          cwd: dir,
        });
        expect({ ours: ours.ok, openssl: theirs.status === 0 }).toEqual({ ours: c.expected, openssl: c.expected });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
