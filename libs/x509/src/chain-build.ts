// Path building: from the leaf up by issuer name, through every candidate issuer
// (several CA certificates may share a name, e.g. across a key rollover or a
// cross-signature) whose key is allowed and verifies the signature. Candidates
// whose subject key identifier matches the authority key identifier come first,
// then trusted roots. Complete paths are handed out one at a time, so the first
// that passes every check ends the search; every dead end is recorded so a
// refusal can say what actually went wrong.
//
// The work is bounded whatever the sender sends: paths end at MAX_DEPTH
// certificates, at most MAX_SIGNATURE_CHECKS signatures are verified while
// building (each (certificate, issuer key) pair once, see SignatureCache; a
// legitimate chain needs one per certificate, its issuer found first by key
// identifier) and at most MAX_STEPS partial paths are extended. A hundred
// look-alike intermediates cost a hundred cheap name comparisons and at most
// MAX_SIGNATURE_CHECKS verifications, not a hundred factorial paths.
//
// Why not pkijs' CertificateChainValidationEngine: its buildPath recurses into every
// issuer that verifies, collecting all paths before judging any, with no budget and no
// visited set (two CAs that cross-sign each other send it round without end), and it
// verifies every name-matching candidate's signature. x509-limbo's pathological cases
// (limbo.spec.ts counts their signature verifications: 17 at most) are what this builder is held to.
import type { Certificate } from './certificate';
import { keyProblem, type ResolvedKeyPolicy } from './chain-keys';
import type { SignatureCache } from './chain-signatures';

export type PathOutcome =
  /** leaf .. anchor, every signature verified. */
  | { kind: 'complete'; path: Certificate[] }
  /** Ends in a self-issued certificate (a root) that is not trusted. */
  | { kind: 'untrusted_root'; path: Certificate[] }
  /** No certificate named like the issuer of the last one was sent or trusted. */
  | { kind: 'incomplete'; path: Certificate[] }
  /** The last certificate's issuer (by name) is already in the path. */
  | { kind: 'loop'; path: Certificate[]; issuer: Certificate }
  /** The certificate named as issuer of the last one does not verify its signature; `keyIdMismatch`: nor do the key identifiers match, so it is another CA key. */
  | { kind: 'bad_signature'; path: Certificate[]; issuer: Certificate; keyIdMismatch: boolean }
  /** The certificate named as issuer of the last one has a key the policy does not allow. */
  | { kind: 'weak_key'; path: Certificate[]; issuer: Certificate; problem: string }
  | { kind: 'too_long'; path: Certificate[] }
  /** The work budget ran out. */
  | { kind: 'gave_up'; path: Certificate[] };

export const MAX_DEPTH = 10;
export const MAX_SIGNATURE_CHECKS = 16;
export const MAX_STEPS = 128;

interface Entry {
  cert: Certificate;
  isAnchor: boolean;
}

interface Candidate extends Entry {
  /** The last certificate's authority key identifier is this one's subject key identifier. */
  keyIdMatches: boolean;
  /** Both identifiers are there and differ. */
  keyIdMismatch: boolean;
}

export interface PathBuilderInput {
  leaf: Certificate;
  pool: Certificate[];
  anchors: readonly Certificate[];
  signatures: SignatureCache;
  keyPolicy: ResolvedKeyPolicy;
}

export class PathBuilder {
  readonly outcomes: PathOutcome[] = [];
  private steps = 0;
  /** Verifications made before building (the anchors' own signatures) do not count against the budget. */
  private readonly checksBefore: number;
  private readonly byName = new Map<string, Entry[]>();

  constructor(private readonly input: PathBuilderInput) {
    this.checksBefore = input.signatures.checks;
    // A sent copy of a trusted root (same name and key) counts as that root.
    const seen = new Set<string>();
    const add = (cert: Certificate, isAnchor: boolean) => {
      const anchor = isAnchor ? cert : input.anchors.find((a) => a.equals(cert) || (a.normalizedSubject === cert.normalizedSubject && sameKey(a, cert)));
      const chosen = anchor ?? cert;
      if (seen.has(chosen.fingerprint)) return;
      seen.add(chosen.fingerprint);
      const list = this.byName.get(chosen.normalizedSubject) ?? [];
      list.push({ cert: chosen, isAnchor: anchor !== undefined });
      this.byName.set(chosen.normalizedSubject, list);
    };
    for (const a of input.anchors) add(a, true);
    for (const c of input.pool) add(c, false);
  }

  /** Complete paths (leaf .. anchor), best first. */
  paths(): AsyncGenerator<Certificate[]> {
    return this.extend([this.input.leaf]);
  }

  /** Set once the budget ran out: the search stops everywhere, not just on the branch that noticed. */
  private exhausted = false;

  private budgetSpent(): boolean {
    return this.input.signatures.checks - this.checksBefore >= MAX_SIGNATURE_CHECKS;
  }

  private giveUp(path: Certificate[]): void {
    this.exhausted = true;
    this.outcomes.push({ kind: 'gave_up', path });
  }

  private candidatesFor(cert: Certificate): Candidate[] {
    const aki = cert.authorityKeyId;
    return (this.byName.get(cert.normalizedIssuer) ?? [])
      .map((c) => {
        const ski = c.cert.subjectKeyId;
        return { ...c, keyIdMatches: aki !== undefined && aki === ski, keyIdMismatch: aki !== undefined && ski !== undefined && aki !== ski };
      })
      .sort((a, b) => rank(b) - rank(a));
  }

  private async *extend(path: Certificate[]): AsyncGenerator<Certificate[]> {
    const { signatures, keyPolicy } = this.input;
    const cert = path[path.length - 1];
    if (this.exhausted) return;
    if (++this.steps > MAX_STEPS || (path.length > 1 && cert.isSelfIssued && !signatures.known(cert, cert) && this.budgetSpent())) {
      this.giveUp(path);
      return;
    }
    if (path.length > 1 && cert.isSelfIssued && (await signatures.selfSigned(cert))) {
      this.outcomes.push({ kind: 'untrusted_root', path });
      return;
    }
    if (path.length >= MAX_DEPTH) {
      this.outcomes.push({ kind: 'too_long', path });
      return;
    }
    const inPath = new Set(path.map((c) => c.fingerprint));
    const named = this.candidatesFor(cert);
    const candidates = named.filter((c) => !inPath.has(c.cert.fingerprint));
    if (candidates.length === 0) {
      const looped = named.find((c) => c.cert !== cert);
      if (looped) this.outcomes.push({ kind: 'loop', path, issuer: looped.cert });
      // A self-issued certificate with nobody else to issue it is a root, even one whose own signature we cannot verify.
      else if (path.length > 1 && cert.isSelfIssued) this.outcomes.push({ kind: 'untrusted_root', path });
      else this.outcomes.push({ kind: 'incomplete', path });
      return;
    }
    for (const candidate of candidates) {
      if (this.exhausted) return;
      const problem = keyProblem(candidate.cert, keyPolicy);
      if (problem) {
        // A root nobody trusts is the first thing to tell, weak key or not (the message adds why it could not be trusted).
        if (candidate.cert.isSelfIssued) this.outcomes.push({ kind: 'untrusted_root', path: [...path, candidate.cert] });
        else this.outcomes.push({ kind: 'weak_key', path, issuer: candidate.cert, problem });
        continue;
      }
      if (!signatures.known(cert, candidate.cert) && this.budgetSpent()) {
        this.giveUp(path);
        return;
      }
      if (!(await signatures.verified(cert, candidate.cert))) {
        this.outcomes.push({ kind: 'bad_signature', path, issuer: candidate.cert, keyIdMismatch: candidate.keyIdMismatch });
        continue;
      }
      const next = [...path, candidate.cert];
      if (candidate.isAnchor) {
        this.outcomes.push({ kind: 'complete', path: next });
        yield next;
      } else {
        yield* this.extend(next);
      }
    }
  }
}

function rank(c: Candidate): number {
  return (c.keyIdMatches ? 4 : 0) + (c.keyIdMismatch ? 0 : 2) + (c.isAnchor ? 1 : 0);
}

function sameKey(a: Certificate, b: Certificate): boolean {
  return Buffer.from(a.spkiDer).equals(Buffer.from(b.spkiDer));
}
