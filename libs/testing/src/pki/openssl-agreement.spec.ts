// Our verdicts must agree with OpenSSL's, which is what the ingress relies on
// during the TLS handshake. Every corpus case runs through `openssl verify`
// twice: as Node's TLS layer verifies (no -x509_strict) and with -x509_strict.
import { verifyChain } from '@certgate/x509';
import { buildNastyCorpus, NASTY_CASE_NAMES, type NastyCase, type NastyCorpus } from './nasty-corpus';
import { opensslAvailable, opensslVerify } from './openssl';

/**
 * Cases where `openssl verify -x509_strict` legitimately differs from us, with
 * the OpenSSL error that proves it is that difference and not another.
 */
const STRICT_DIFFERENCES: Record<string, { openssl: RegExp; why: string }> = {
  ok_ca_without_key_usage: {
    openssl: /CA cert does not include key usage extension/,
    why: 'RFC 5280 lets a CA certificate omit keyUsage (then any use is allowed); -x509_strict demands it. Node and plain OpenSSL accept it, as we do.',
  },
};

/**
 * Cases where certgate's certificate policy (docs/certificate-policy.md) refuses what
 * `openssl verify` accepts: OpenSSL checks no key sizes (Node's TLS layer only its
 * security level, RSA >= 1024 at the default level 1), takes a CA certificate as a
 * leaf, and demands an authority key identifier only with -x509_strict. On the ingress'
 * request path the review after the handshake (reviewHandshakeChain) refuses them too.
 */
const POLICY_DIFFERENCES: Record<string, { strictToo: boolean; why: string }> = {
  weak_key_rsa_1024_leaf: { strictToo: true, why: 'key policy: RSA keys need 2048 bits' },
  leaf_is_ca_client_with_ca_flag: { strictToo: true, why: 'an end-entity certificate must not be a CA' },
  profile_violation_leaf_without_aki: { strictToo: false, why: 'RFC 5280 §4.2.1.1: authorityKeyIdentifier required (-x509_strict agrees)' },
};

// OpenSSL has no notion of an invalid trust anchor: given an intermediate or a leaf as
// CAfile it fails for lack of a root ("unable to get issuer certificate"). We refuse
// earlier, naming the bad anchor; both verdicts are "fail" (invalid_anchor_* cases).
const CASE_NAMES = NASTY_CASE_NAMES;

const describeWithOpenssl = opensslAvailable() ? describe : describe.skip;
const reason = opensslAvailable() ? '' : ' (skipped: openssl is not on PATH)';

describeWithOpenssl(`certgate and openssl verify agree on the nasty corpus${reason}`, () => {
  let corpus: NastyCorpus;

  beforeAll(async () => {
    corpus = await buildNastyCorpus();
  }, 60_000);

  it('covers every corpus case', () => {
    expect(Object.keys(corpus).sort()).toEqual([...CASE_NAMES].sort());
  });

  async function ours(c: NastyCase): Promise<boolean> {
    return (await verifyChain(c)).ok;
  }

  describe('as Node verifies during the handshake (openssl verify -purpose ...)', () => {
    it.each(CASE_NAMES)('%s', async (name) => {
      const c = corpus[name];
      const openssl = opensslVerify({ ...c, strict: false });
      if (POLICY_DIFFERENCES[name]) {
        expect({ name, ours: await ours(c), openssl: openssl.ok }).toEqual({ name, ours: false, openssl: true });
        return;
      }
      expect({ name, ours: await ours(c), openssl: openssl.ok, output: openssl.output }).toEqual({
        name,
        ours: c.expected === 'ok',
        openssl: c.expected === 'ok',
        output: expect.any(String),
      });
    });
  });

  describe('with openssl verify -x509_strict', () => {
    it.each(CASE_NAMES)('%s', async (name) => {
      const c = corpus[name];
      const openssl = opensslVerify({ ...c, strict: true });
      if (POLICY_DIFFERENCES[name]?.strictToo) {
        expect({ name, ours: await ours(c), openssl: openssl.ok }).toEqual({ name, ours: false, openssl: true });
        return;
      }
      const difference = STRICT_DIFFERENCES[name];
      if (difference) {
        expect(await ours(c)).toBe(true);
        expect(openssl.ok).toBe(false);
        expect(openssl.output).toMatch(difference.openssl);
        return;
      }
      expect({ name, agree: (await ours(c)) === openssl.ok, output: openssl.output }).toEqual({ name, agree: true, output: expect.any(String) });
    });
  });
});
