import type { Certificate } from './certificate';

/** Signature results are needed both to rank candidate issuers and to check the chosen path; verify each pair once. */
export class SignatureCache {
  private readonly results = new Map<string, Promise<boolean>>();

  verified(subject: Certificate, issuer: Certificate): Promise<boolean> {
    const key = `${subject.fingerprint}/${issuer.fingerprint}`;
    let result = this.results.get(key);
    if (!result) {
      result = subject.verifySignedBy(issuer);
      this.results.set(key, result);
    }
    return result;
  }

  async selfSigned(cert: Certificate): Promise<boolean> {
    return cert.isSelfIssued && (await this.verified(cert, cert));
  }
}
