import { ChainFailureReason, verifyChain } from '@certgate/x509';
import { buildNastyCorpus, NASTY_CASE_NAMES, type NastyCorpus } from './nasty-corpus';

describe('the nasty corpus', () => {
  let corpus: NastyCorpus;

  beforeAll(async () => {
    corpus = await buildNastyCorpus();
  }, 60_000);

  it('has a real chain for every failure reason a chain can have (no_certificate only exists at the TLS layer, revocation needs CRLs: openssl-crl.spec.ts)', () => {
    const expected = new Set(Object.values(corpus).map((c) => c.expected));
    const elsewhere = new Set(['no_certificate', 'revoked', 'revocation_unknown']);
    for (const reason of Object.values(ChainFailureReason)) {
      if (elsewhere.has(reason)) continue;
      expect({ reason, covered: expected.has(reason) }).toEqual({ reason, covered: true });
    }
    expect(expected.has('ok')).toBe(true);
  });

  it('names each case after its key and describes it', () => {
    for (const [key, c] of Object.entries(corpus)) {
      expect(c.name).toBe(key);
      expect(c.description.length).toBeGreaterThan(10);
      expect(c.anchors.length).toBeGreaterThan(0);
    }
  });

  it('is built once per time and process', async () => {
    const at = Object.values(corpus)[0].at;
    expect(await buildNastyCorpus(at)).toBe(corpus);
  });

  it('includes the odd names it promises', () => {
    expect(corpus.ok_utf8_subject.leaf.subjectDN).toBe('CN=Jürgen Müller,O=Bäckerei');
    expect(corpus.ok_multi_valued_rdn.leaf.subjectDN).toMatch(/^(CN=a\+UID=b|UID=b\+CN=a),O=certgate Corpus$/);
    expect(corpus.ok_escaped_comma.leaf.subjectDN).toBe('CN=bob,O=Acme\\, Inc.');
    expect(corpus.ok_empty_subject_san_only.leaf.subjectDN).toBe('');
    expect(corpus.ok_empty_subject_san_only.leaf.criticalExtensions).toContain('2.5.29.17');
  });

  describe('verifyChain gives the expected verdict', () => {
    const names = NASTY_CASE_NAMES;

    it('(the list below is the whole corpus)', () => {
      expect(Object.keys(corpus).sort()).toEqual([...names].sort());
    });

    it.each(names)('%s', async (name) => {
      const c = corpus[name];
      const verdict = await verifyChain(c);
      if (c.expected === 'ok') {
        expect(verdict).toMatchObject({ ok: true });
        if (verdict.ok) expect(verdict.chain[0]).toBe(c.leaf);
        return;
      }
      expect(verdict).toMatchObject({ ok: false, reason: c.expected });
      if (!verdict.ok) {
        // Every refusal names the certificate at fault, and the message names it too.
        expect(verdict.certificate).toBeDefined();
        expect(verdict.message).toContain(verdict.certificate?.subjectDN);
      }
    });
  });
});
