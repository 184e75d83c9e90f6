// Path building: from the leaf up by issuer name, trying every candidate
// issuer (several CA certificates may share a name, e.g. across a key
// rollover), best candidates first: those whose key verifies the signature,
// then those whose subject key id matches the authority key id.
import type { Certificate } from './certificate';
import type { SignatureCache } from './chain-signatures';

export type PathOutcome =
  /** leaf .. anchor */
  | { kind: 'complete'; path: Certificate[] }
  /** Ends in a self-signed certificate that is not an anchor. */
  | { kind: 'untrusted_root'; path: Certificate[] }
  /** No certificate was found for the issuer of the last one. */
  | { kind: 'incomplete'; path: Certificate[] };

const MAX_DEPTH = 10;
const MAX_OUTCOMES = 16;

interface Candidate {
  cert: Certificate;
  isAnchor: boolean;
}

export async function buildPaths(leaf: Certificate, pool: Certificate[], anchors: Certificate[], signatures: SignatureCache): Promise<PathOutcome[]> {
  const outcomes: PathOutcome[] = [];

  // A sent copy of a trusted root (same name and key) counts as that root.
  const asAnchor = (cert: Certificate): Certificate | undefined =>
    anchors.find((a) => a.equals(cert) || (a.normalizedSubject === cert.normalizedSubject && sameKey(a, cert)));

  const candidatesFor = (cert: Certificate, path: Certificate[]): Candidate[] => {
    const seen = new Set(path.map((c) => c.fingerprint));
    const out: Candidate[] = [];
    for (const c of [...anchors, ...pool]) {
      if (c.normalizedSubject !== cert.normalizedIssuer) continue;
      const anchor = asAnchor(c);
      const chosen = anchor ?? c;
      if (seen.has(chosen.fingerprint)) continue;
      seen.add(chosen.fingerprint);
      out.push({ cert: chosen, isAnchor: anchor !== undefined });
    }
    return out;
  };

  const rank = async (cert: Certificate, candidates: Candidate[]): Promise<Candidate[]> => {
    const scored = await Promise.all(
      candidates.map(async (c) => {
        const signs = await signatures.verified(cert, c.cert);
        const keyIdMatches = cert.authorityKeyId !== undefined && cert.authorityKeyId === c.cert.subjectKeyId;
        return { c, score: (signs ? 2 : 0) + (keyIdMatches ? 1 : 0) };
      }),
    );
    return scored.sort((a, b) => b.score - a.score).map((s) => s.c);
  };

  const extend = async (path: Certificate[]): Promise<void> => {
    if (outcomes.length >= MAX_OUTCOMES) return;
    const cert = path[path.length - 1];
    if (path.length > 1 && (await signatures.selfSigned(cert))) {
      outcomes.push({ kind: 'untrusted_root', path });
      return;
    }
    const candidates = candidatesFor(cert, path);
    if (candidates.length === 0 || path.length >= MAX_DEPTH) {
      outcomes.push({ kind: 'incomplete', path });
      return;
    }
    for (const candidate of await rank(cert, candidates)) {
      if (candidate.isAnchor) outcomes.push({ kind: 'complete', path: [...path, candidate.cert] });
      else await extend([...path, candidate.cert]);
    }
  };

  await extend([leaf]);
  return outcomes;
}

function sameKey(a: Certificate, b: Certificate): boolean {
  return Buffer.from(a.spkiDer).equals(Buffer.from(b.spkiDer));
}
