import { CertgateError, chainFailureCode, ErrorCode } from '@certgate/contracts';
import { isValidAnchor, isX509Error, keyMatchesCertificate, parseCertificates, verifyChain, type Certificate, type CryptoKey } from '@certgate/x509';

export interface ChainCheckInput {
  /** Whose key the chain is for, as the messages name it: `'a'` or `the pending renewal of 'a'`. */
  owner: string;
  privateKey: CryptoKey;
  /** As the operator sent it, leaf first. */
  chainPem: string;
  /** Every certificate of the keystore's entries (trusted certificates and chains): roots and intermediates found there count. */
  keystoreCertificates: Certificate[];
  now: Date;
}

const ROOT_ADVICE = 'include the root CA certificate at the end of the chain, or add it to the keystore as a trusted certificate first';

/**
 * The chain a key pair may take: the leaf holds the public half of `privateKey` and
 * verifies, for client authentication, up to a root CA that the chain itself or the
 * keystore holds. Returns the verified path, leaf first and root last; refuses with a
 * 400 naming the first problem.
 */
export async function checkChainForKey(input: ChainCheckInput): Promise<Certificate[]> {
  const chain = parseChain(input.chainPem);
  const [leaf] = chain;
  if (!(await keyMatchesCertificate(input.privateKey, leaf))) {
    const k = await indexOfKeyCertificate(input.privateKey, chain);
    const hint =
      k > 0
        ? `: certificate #${k + 1} of the chain ('${chain[k].subjectDN}') is the one for this key; put it first (leaf first, root last)`
        : ` (the leaf is '${leaf.subjectDN}'): import the chain issued for the CSR of this key pair`;
    throw new CertgateError(ErrorCode.keyMismatch, `the leaf certificate does not match the private key of ${input.owner}${hint}`, {
      field: 'chain',
      subjectDN: leaf.subjectDN,
    });
  }
  if (leaf.isSelfIssued) {
    throw new CertgateError(
      ErrorCode.selfSignedLeaf,
      `the chain does not verify: its leaf '${leaf.subjectDN}' is self-signed; import the chain your CA issued for the CSR of this key pair`,
      { field: 'chain', reason: 'self_signed_leaf' },
    );
  }
  const pool = uniqueByFingerprint([...chain.slice(1), ...input.keystoreCertificates]).filter((c) => c.fingerprint !== leaf.fingerprint);
  const anchors: Certificate[] = [];
  const intermediates: Certificate[] = [];
  for (const c of pool) ((await isValidAnchor(c)).ok ? anchors : intermediates).push(c);
  if (anchors.length === 0) {
    throw new CertgateError(
      ErrorCode.chainIncomplete,
      `the chain does not verify: neither the chain nor the keystore holds a root CA certificate for it; ${ROOT_ADVICE}`,
      { field: 'chain', reason: 'chain_incomplete' },
    );
  }
  const verdict = await verifyChain({ leaf, intermediates, anchors, purpose: 'clientAuth', at: input.now });
  if (!verdict.ok) {
    const advice = verdict.reason === 'chain_incomplete' || verdict.reason === 'untrusted_root' ? `; ${ROOT_ADVICE}` : '';
    throw new CertgateError(chainFailureCode(verdict.reason), `the chain does not verify: ${verdict.message}${advice}`, {
      field: 'chain',
      reason: verdict.reason,
    });
  }
  return verdict.chain;
}

function parseChain(chainPem: string): Certificate[] {
  try {
    return parseCertificates(chainPem);
  } catch (err) {
    if (isX509Error(err)) throw new CertgateError(ErrorCode.certificateInvalid, `chainPem: ${err.message}`, { field: 'chain', reason: err.code });
    throw err;
  }
}

async function indexOfKeyCertificate(privateKey: CryptoKey, chain: Certificate[]): Promise<number> {
  for (let k = 0; k < chain.length; k++) if (await keyMatchesCertificate(privateKey, chain[k])) return k;
  return -1;
}

function uniqueByFingerprint(certs: Certificate[]): Certificate[] {
  const seen = new Set<string>();
  return certs.filter((c) => !seen.has(c.fingerprint) && seen.add(c.fingerprint));
}

/** Every certificate the keystore holds, for chain building; an entry whose PEM cannot be read is skipped. */
export function keystoreCertificates(chains: string[]): Certificate[] {
  return chains.flatMap((pem) => {
    try {
      return parseCertificates(pem);
    } catch {
      return [];
    }
  });
}
