import { createHash } from 'node:crypto';
import type { Certificate } from './certificate';

const keyIds = new WeakMap<Certificate, string>();
/** Self-signatures, across calls: a trust store's roots are checked on every verifyChain, and a certificate never changes. */
const selfSignatures = new WeakMap<Certificate, Promise<boolean>>();

/** A short stable name for a certificate's public key (SHA-256 of its SubjectPublicKeyInfo). */
export function keyFingerprint(cert: Certificate): string {
  let id = keyIds.get(cert);
  if (!id) {
    id = createHash('sha256').update(cert.spkiDer).digest('hex');
    keyIds.set(cert, id);
  }
  return id;
}

/**
 * Signature results are needed both to build paths and to check them; verify each
 * (certificate, issuer key) pair once. Keyed by the issuer's key rather than its
 * certificate, so the many certificates of one CA key (renewals, cross-signs, or
 * a hundred copies sent to slow us down) cost one verification, and `checks`
 * counts the verifications actually made, for the path builder's budget.
 */
export class SignatureCache {
  private readonly results = new Map<string, Promise<boolean>>();
  checks = 0;

  verified(subject: Certificate, issuer: Certificate): Promise<boolean> {
    const key = `${subject.fingerprint}/${keyFingerprint(issuer)}`;
    let result = this.results.get(key) ?? (subject === issuer ? selfSignatures.get(subject) : undefined);
    if (!result) {
      this.checks++;
      // RFC 5280 §4.1.1.2: a certificate whose two signature algorithm fields differ is not validly signed, whatever the bytes say.
      result = subject.signatureAlgorithmsAgree ? subject.verifySignedBy(issuer) : Promise.resolve(false);
      if (subject === issuer) selfSignatures.set(subject, result);
    }
    this.results.set(key, result);
    return result;
  }

  /** Whether verified(subject, issuer) was already asked, so asking again costs nothing. */
  known(subject: Certificate, issuer: Certificate): boolean {
    return this.results.has(`${subject.fingerprint}/${keyFingerprint(issuer)}`) || (subject === issuer && selfSignatures.has(subject));
  }

  async selfSigned(cert: Certificate): Promise<boolean> {
    return cert.isSelfIssued && (await this.verified(cert, cert));
  }
}
