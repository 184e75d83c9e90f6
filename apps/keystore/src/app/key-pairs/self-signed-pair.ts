import { CertgateError, ErrorCode, type KeyPairSpec } from '@certgate/contracts';
import { generateKeyPair, isX509Error, issueCertificate, type Certificate, type CryptoKey, type KeySpec } from '@certgate/x509';
import { checkSubjectDN } from '../common/subject-dn';

const DAY_MS = 86_400_000;
/** Certificates start a little in the past so a peer whose clock lags still accepts them. */
const CLOCK_SKEW_MS = 5 * 60_000;

export function keySpecOf(spec: KeyPairSpec): KeySpec {
  return spec.keyType === 'RSA' ? { type: 'RSA', size: spec.keySize } : { type: 'EC', curve: spec.curve };
}

export interface SelfSignedPairInput {
  spec: KeyPairSpec;
  subjectDN: string;
  validityDays: number;
  now: Date;
}

/**
 * A new key pair with a self-signed clientAuth certificate: it identifies the pair (and
 * carries the subject into the CSR) until the CA's chain is imported.
 */
export async function createSelfSignedPair(input: SelfSignedPairInput): Promise<{ privateKey: CryptoKey; certificate: Certificate }> {
  checkSubjectDN(input.subjectDN);
  const keys = await generateKeyPair(keySpecOf(input.spec));
  try {
    const certificate = await issueCertificate({
      subjectDN: input.subjectDN,
      publicKey: keys.publicKey,
      signingKey: keys.privateKey,
      notBefore: new Date(input.now.getTime() - CLOCK_SKEW_MS),
      notAfter: new Date(input.now.getTime() + input.validityDays * DAY_MS),
      extendedKeyUsage: ['clientAuth'],
    });
    return { privateKey: keys.privateKey, certificate };
  } catch (err) {
    if (isX509Error(err, 'parse_error')) throw new CertgateError(ErrorCode.subjectDnInvalid, `subjectDN: ${err.message}`, { field: 'subjectDN' });
    throw err;
  }
}
