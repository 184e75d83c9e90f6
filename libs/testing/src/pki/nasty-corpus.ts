// A named corpus of certificate chains, in the spirit of NIST PKITS: one real
// chain for every reason a chain can be refused, plus chains that must pass
// despite odd names. Built fresh (keys included) around a given time.
import { generateKeyPair, issueCertificate, type Certificate, type ChainFailureReason, type Purpose } from '@certgate/x509';
import { tamperSignature } from './tamper';
import { issueWeakRsaClient } from './weak-rsa-client';
import { createTestPki, type TestCaOptions, type TestPki } from './test-pki';

export type CorpusExpectation = ChainFailureReason | 'ok';

export interface NastyCase {
  name: string;
  description: string;
  leaf: Certificate;
  intermediates: Certificate[];
  anchors: Certificate[];
  purpose: Purpose;
  expected: CorpusExpectation;
  /** The time to verify at (the corpus' `at`). */
  at: Date;
}

export type NastyCorpus = Readonly<Record<string, NastyCase>>;

const DAY = 86_400_000;
/** An OID under the "example" arc nobody will ever assign a meaning to. */
const UNKNOWN_EXTENSION = '1.3.6.1.4.1.32473.1.1';

const corpora = new Map<number, Promise<NastyCorpus>>();

/**
 * The corpus for time `at` (default now). Certificates are immutable, so each
 * process builds one corpus per `at` and shares it.
 */
/** Every case of the corpus, by name: specs enumerate them before the (async) corpus is built. */
export const NASTY_CASE_NAMES = [
  'ok_client_full_chain',
  'ok_server_full_chain',
  'ok_leaf_without_eku',
  'ok_leaf_issued_by_root',
  'ok_unordered_extra_intermediates',
  'ok_rsa_chain',
  'ok_issuer_name_shared_after_key_rollover',
  'ok_utf8_subject',
  'ok_multi_valued_rdn',
  'ok_escaped_comma',
  'ok_empty_subject_san_only',
  'ok_ca_without_key_usage',
  'chain_incomplete_leaf_without_intermediate',
  'chain_incomplete_foreign_chain',
  'untrusted_root_foreign_root_sent',
  'expired_leaf',
  'expired_intermediate',
  'expired_root',
  'not_yet_valid_leaf',
  'bad_signature_leaf',
  'bad_signature_intermediate',
  'not_a_ca_issuer_ca_false',
  'not_a_ca_issuer_without_basic_constraints',
  'path_too_long',
  'wrong_key_usage_issuer',
  'wrong_key_usage_leaf',
  'wrong_eku_server_leaf_for_client',
  'wrong_eku_intermediate',
  'self_signed_leaf',
  'invalid_anchor_intermediate',
  'invalid_anchor_leaf',
  'unknown_critical_extension',
  'weak_key_rsa_1024_leaf',
  'leaf_is_ca_client_with_ca_flag',
  'name_constraints_excluded_dns',
  'profile_violation_leaf_without_aki',
] as const;

/**
 * NameConstraints excluding the DNS subtree `domain` (short names only: one-byte DER lengths):
 *   SEQUENCE { excludedSubtrees [1] { GeneralSubtree SEQUENCE { dNSName [2] domain } } }
 */
export function excludingDns(domain: string): Uint8Array {
  const name = Buffer.from(domain, 'ascii');
  const tlv = (tag: number, content: Uint8Array) => Buffer.concat([Buffer.of(tag, content.length), content]);
  return tlv(0x30, tlv(0xa1, tlv(0x30, tlv(0x82, name))));
}

export function buildNastyCorpus(at: Date = new Date()): Promise<NastyCorpus> {
  const key = at.getTime();
  let corpus = corpora.get(key);
  if (!corpus) {
    corpus = build(new Date(key));
    corpora.set(key, corpus);
  }
  return corpus;
}

async function build(at: Date): Promise<NastyCorpus> {
  const t = at.getTime();
  const [pki, other, rsa] = await Promise.all([
    createTestPki({ at, name: 'certgate Corpus' }),
    createTestPki({ at, name: 'Other Corp' }),
    createTestPki({ at, name: 'RSA Corp', keyType: 'RSA' }),
  ]);
  const corpus: Record<string, NastyCase> = {};
  const add = (name: string, c: Omit<NastyCase, 'name' | 'at' | 'anchors' | 'purpose'> & { anchors?: Certificate[]; purpose?: Purpose }) => {
    corpus[name] = { name, at, anchors: [pki.root.certificate], purpose: 'clientAuth', ...c };
  };
  const full = (pkiOf: TestPki, leaf: { chain: Certificate[] }) => ({
    leaf: leaf.chain[0],
    intermediates: leaf.chain.slice(1),
    anchors: [pkiOf.root.certificate],
  });
  const underRoot = (o: TestCaOptions): TestCaOptions => ({ issuer: pki.root, ...o });

  // --- chains that must pass ---
  add('ok_client_full_chain', {
    description: 'client leaf sent with its issuing CA, which has pathLen 0',
    ...full(pki, await pki.issueClient('alice')),
    expected: 'ok',
  });
  add('ok_server_full_chain', {
    description: 'server leaf for localhost and 127.0.0.1, verified as serverAuth',
    ...full(pki, await pki.issueServer(['localhost', '127.0.0.1'])),
    purpose: 'serverAuth',
    expected: 'ok',
  });
  add('ok_leaf_without_eku', {
    description: 'no extended key usage means any purpose',
    ...full(pki, await pki.issueClient('no-eku', { extendedKeyUsage: [] })),
    expected: 'ok',
  });
  {
    const direct = await pki.issueClient('direct', { issuer: pki.root });
    add('ok_leaf_issued_by_root', {
      description: 'leaf issued directly by the root: nothing to send but the leaf',
      leaf: direct.certificate,
      intermediates: [],
      expected: 'ok',
    });
  }
  {
    const carol = await pki.issueClient('carol');
    add('ok_unordered_extra_intermediates', {
      description: 'chain sent out of order, with a duplicate, the root itself and a stranger CA among the intermediates',
      leaf: carol.certificate,
      intermediates: [other.intermediate.certificate, pki.root.certificate, pki.intermediate.certificate, pki.intermediate.certificate],
      expected: 'ok',
    });
  }
  add('ok_rsa_chain', { description: 'RSA 2048 root, issuing CA and leaf', ...full(rsa, await rsa.issueClient('rsa-client')), expected: 'ok' });
  {
    // Two issuing CAs with one name: the replaced one (other key) must not hide the right one.
    const oldKeys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    const replaced = await issueCertificate({
      subjectDN: pki.intermediate.certificate.subjectDN,
      publicKey: oldKeys.publicKey,
      issuer: { certificate: pki.root.certificate, privateKey: pki.root.privateKey },
      ca: true,
      pathLength: 0,
      notBefore: new Date(t - 400 * DAY),
    });
    const dave = await pki.issueClient('dave');
    add('ok_issuer_name_shared_after_key_rollover', {
      description: 'two intermediates share the issuer name (CA key rollover); only the second signed the leaf',
      leaf: dave.certificate,
      intermediates: [replaced, pki.intermediate.certificate],
      expected: 'ok',
    });
  }
  add('ok_utf8_subject', {
    description: 'UTF-8 subject',
    ...full(pki, await pki.issueClient('x', { subjectDN: 'CN=Jürgen Müller, O=Bäckerei' })),
    expected: 'ok',
  });
  add('ok_multi_valued_rdn', {
    description: 'multi-valued RDN CN=a+UID=b',
    ...full(pki, await pki.issueClient('x', { subjectDN: 'CN=a+UID=b, O=certgate Corpus' })),
    expected: 'ok',
  });
  add('ok_escaped_comma', {
    description: 'escaped comma in O=Acme\\, Inc.',
    ...full(pki, await pki.issueClient('x', { subjectDN: 'CN=bob, O=Acme\\, Inc.' })),
    expected: 'ok',
  });
  add('ok_empty_subject_san_only', {
    description: 'empty subject, identity in a critical subjectAltName only',
    ...full(pki, await pki.issueClient('x', { subjectDN: '', emails: ['robot@example.com'], dnsNames: ['robot.example.com'] })),
    expected: 'ok',
  });
  {
    const noKu = await pki.issueCa('CA without key usage', underRoot({ keyUsage: [] }));
    const erin = await pki.issueClient('erin', { issuer: noKu });
    add('ok_ca_without_key_usage', {
      description: 'issuing CA with no keyUsage extension (allowed by RFC 5280; OpenSSL -x509_strict refuses it, plain OpenSSL and Node accept it)',
      leaf: erin.certificate,
      intermediates: [noKu.certificate],
      expected: 'ok',
    });
  }

  // --- chain building ---
  {
    const bob = await pki.issueClient('bob');
    add('chain_incomplete_leaf_without_intermediate', {
      description: 'leaf sent without its issuing CA',
      leaf: bob.certificate,
      intermediates: [],
      expected: 'chain_incomplete',
    });
  }
  {
    const mallory = await other.issueClient('mallory');
    add('chain_incomplete_foreign_chain', {
      description: "another PKI's leaf and issuing CA, without that PKI's root",
      leaf: mallory.certificate,
      intermediates: [other.intermediate.certificate],
      expected: 'chain_incomplete',
    });
    add('untrusted_root_foreign_root_sent', {
      description: "another PKI's whole chain including its root, which is not trusted",
      leaf: mallory.certificate,
      intermediates: [other.intermediate.certificate, other.root.certificate],
      expected: 'untrusted_root',
    });
  }

  // --- validity ---
  add('expired_leaf', {
    description: 'leaf expired 30 days ago',
    ...full(pki, await pki.issueClient('expired', { notBefore: new Date(t - 400 * DAY), notAfter: new Date(t - 30 * DAY) })),
    expected: 'expired',
  });
  {
    const oldCa = await pki.issueCa('Expired Issuing CA', underRoot({ notBefore: new Date(t - 800 * DAY), notAfter: new Date(t - DAY) }));
    const leaf = await pki.issueClient('under-expired-ca', { issuer: oldCa });
    add('expired_intermediate', {
      description: 'valid leaf under an issuing CA that expired yesterday',
      leaf: leaf.certificate,
      intermediates: [oldCa.certificate],
      expected: 'expired',
    });
  }
  {
    const rootKeys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    const oldRoot = await issueCertificate({
      subjectDN: 'CN=Expired Root CA, O=certgate Corpus',
      publicKey: rootKeys.publicKey,
      signingKey: rootKeys.privateKey,
      ca: true,
      notBefore: new Date(t - 800 * DAY),
      notAfter: new Date(t - DAY),
    });
    const leafKeys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    const leaf = await issueCertificate({
      subjectDN: 'CN=under-expired-root, O=certgate Corpus',
      publicKey: leafKeys.publicKey,
      issuer: { certificate: oldRoot, privateKey: rootKeys.privateKey },
      extendedKeyUsage: ['clientAuth'],
      notBefore: new Date(t - DAY),
    });
    add('expired_root', { description: 'leaf under a trusted root that expired yesterday', leaf, intermediates: [], anchors: [oldRoot], expected: 'expired' });
  }
  add('not_yet_valid_leaf', {
    description: 'leaf valid only from 10 days ahead',
    ...full(pki, await pki.issueClient('future', { notBefore: new Date(t + 10 * DAY) })),
    expected: 'not_yet_valid',
  });

  // --- signatures ---
  {
    const frank = await pki.issueClient('frank');
    add('bad_signature_leaf', {
      description: 'leaf whose signature bytes were altered',
      leaf: tamperSignature(frank.certificate),
      intermediates: [pki.intermediate.certificate],
      expected: 'bad_signature',
    });
    const forgedCa = tamperSignature(pki.intermediate.certificate);
    add('bad_signature_intermediate', {
      description: 'issuing CA whose signature bytes were altered',
      leaf: frank.certificate,
      intermediates: [forgedCa],
      expected: 'bad_signature',
    });
  }

  // --- CA constraints ---
  {
    const notCa = await pki.issueCa('End Entity Posing As CA', underRoot({ ca: false, keyUsage: ['digitalSignature', 'keyCertSign'] }));
    const leaf = await pki.issueClient('under-non-ca', { issuer: notCa });
    add('not_a_ca_issuer_ca_false', {
      description: 'issuer has basicConstraints cA=false',
      leaf: leaf.certificate,
      intermediates: [notCa.certificate],
      expected: 'not_a_ca',
    });
  }
  {
    const noBc = await pki.issueCa('Issuer Without Basic Constraints', underRoot({ omitBasicConstraints: true, keyUsage: ['keyCertSign', 'cRLSign'] }));
    const leaf = await pki.issueClient('under-no-bc', { issuer: noBc });
    add('not_a_ca_issuer_without_basic_constraints', {
      description: 'issuer has no basicConstraints extension at all',
      leaf: leaf.certificate,
      intermediates: [noBc.certificate],
      expected: 'not_a_ca',
    });
  }
  {
    const subCa = await pki.issueCa('Sub CA Below PathLen 0');
    const leaf = await pki.issueClient('too-deep', { issuer: subCa });
    add('path_too_long', {
      description: 'issuing CA with pathLen 0 issued another CA, which issued the leaf',
      leaf: leaf.certificate,
      intermediates: [subCa.certificate, pki.intermediate.certificate],
      expected: 'path_too_long',
    });
  }
  {
    const noCertSign = await pki.issueCa('CA Without keyCertSign', underRoot({ keyUsage: ['cRLSign', 'digitalSignature'] }));
    const leaf = await pki.issueClient('under-no-certsign', { issuer: noCertSign });
    add('wrong_key_usage_issuer', {
      description: 'issuing CA whose keyUsage lacks keyCertSign',
      leaf: leaf.certificate,
      intermediates: [noCertSign.certificate],
      expected: 'wrong_key_usage',
    });
  }
  add('wrong_key_usage_leaf', {
    description: 'client leaf whose keyUsage is dataEncipherment only',
    ...full(pki, await pki.issueClient('encipher-only', { keyUsage: ['dataEncipherment'] })),
    expected: 'wrong_key_usage',
  });

  // --- purpose ---
  add('wrong_eku_server_leaf_for_client', {
    description: 'serverAuth-only leaf presented as a client certificate',
    ...full(pki, await pki.issueServer('server.example')),
    expected: 'wrong_eku',
  });
  {
    const serverCa = await pki.issueCa('Server-Only CA', underRoot({ extendedKeyUsage: ['serverAuth'] }));
    const leaf = await pki.issueClient('under-server-ca', { issuer: serverCa });
    add('wrong_eku_intermediate', {
      description: 'clientAuth leaf under a CA whose EKU is serverAuth only',
      leaf: leaf.certificate,
      intermediates: [serverCa.certificate],
      expected: 'wrong_eku',
    });
  }

  // --- trust ---
  {
    const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    const selfSigned = await issueCertificate({
      subjectDN: 'CN=self-signed client, O=certgate Corpus',
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      extendedKeyUsage: ['clientAuth'],
      notBefore: new Date(t - DAY),
    });
    add('self_signed_leaf', { description: 'self-signed end-entity certificate', leaf: selfSigned, intermediates: [], expected: 'self_signed_leaf' });
  }
  {
    const grace = await pki.issueClient('grace');
    add('invalid_anchor_intermediate', {
      description: 'the issuing CA configured as a trusted root',
      leaf: grace.certificate,
      intermediates: [],
      anchors: [pki.intermediate.certificate],
      expected: 'invalid_anchor',
    });
    const heidi = await pki.issueClient('heidi');
    add('invalid_anchor_leaf', {
      description: 'a leaf certificate configured as a trusted root',
      leaf: grace.certificate,
      intermediates: [pki.intermediate.certificate],
      anchors: [heidi.certificate],
      expected: 'invalid_anchor',
    });
  }

  // --- the rest ---
  add('unknown_critical_extension', {
    description: 'leaf with a critical extension nobody understands',
    ...full(pki, await pki.issueClient('odd', { extraExtensions: [{ oid: UNKNOWN_EXTENSION, critical: true, value: Uint8Array.of(0x05, 0x00) }] })),
    expected: 'unknown',
  });

  // --- certgate's certificate policy (docs/certificate-policy.md) ---
  {
    const { certificate: leaf } = await issueWeakRsaClient(pki, 'rsa-1024', new Date(t - DAY));
    add('weak_key_rsa_1024_leaf', {
      description: 'client leaf with a 1024-bit RSA key (the key policy wants 2048 bits or more)',
      leaf,
      intermediates: [pki.intermediate.certificate],
      expected: 'weak_key',
    });
  }
  {
    const caLeaf = await pki.issueCa('Client Posing As CA', underRoot({ extendedKeyUsage: ['clientAuth'], keyUsage: ['digitalSignature', 'keyCertSign'] }));
    add('leaf_is_ca_client_with_ca_flag', {
      description: 'a CA certificate (cA=true, keyCertSign) with clientAuth presented as the client certificate',
      leaf: caLeaf.certificate,
      intermediates: [],
      expected: 'leaf_is_ca',
    });
  }
  {
    const constrained = await pki.issueCa(
      'Constrained CA',
      underRoot({ extraExtensions: [{ oid: '2.5.29.30', critical: false, value: excludingDns('evil.example') }] }),
    );
    const leaf = await pki.issueClient('client.evil.example', { issuer: constrained, dnsNames: ['client.evil.example'] });
    add('name_constraints_excluded_dns', {
      description: 'client leaf for client.evil.example under a CA whose (non-critical) name constraints exclude evil.example',
      ...full(pki, leaf),
      expected: 'name_constraints',
    });
  }
  {
    const keys = await generateKeyPair({ type: 'EC', curve: 'P-256' });
    const leaf = await issueCertificate({
      subjectDN: 'CN=no-aki, O=certgate Corpus',
      publicKey: keys.publicKey,
      issuer: { certificate: pki.intermediate.certificate, privateKey: pki.intermediate.privateKey },
      extendedKeyUsage: ['clientAuth'],
      omitAuthorityKeyId: true,
      notBefore: new Date(t - DAY),
    });
    add('profile_violation_leaf_without_aki', {
      description: 'client leaf without an authorityKeyIdentifier (RFC 5280 §4.2.1.1 requires one)',
      leaf,
      intermediates: [pki.intermediate.certificate],
      expected: 'profile_violation',
    });
  }

  return corpus;
}
