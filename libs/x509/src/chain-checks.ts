// The checks a built path must pass, in the order their failures are
// reported. Each is a small function of the path returning the first problem
// it finds, or nothing.
import type { Certificate } from './certificate';
import { keyProblem, type ResolvedKeyPolicy } from './chain-keys';
import { certName } from './chain-names';
import { profileProblem } from './chain-profile';
import type { ChainFailureReason, Purpose } from './chain-reasons';
import type { SignatureCache } from './chain-signatures';
import { checkNameConstraints } from './name-constraints';
import { OID } from './oids';

export interface PathContext {
  /** leaf .. anchor */
  path: Certificate[];
  at: Date;
  purpose: Purpose;
  signatures: SignatureCache;
  keyPolicy: ResolvedKeyPolicy;
  /** False when the caller vetted its anchors and tolerates roots that break only the profile. */
  rootProfileChecked: boolean;
}

export interface Failure {
  reason: ChainFailureReason;
  message: string;
  certificate?: Certificate;
}

type Check = (ctx: PathContext) => Failure | undefined | Promise<Failure | undefined>;

const PURPOSE_TEXT: Record<Purpose, string> = {
  clientAuth: 'TLS client authentication (clientAuth)',
  serverAuth: 'TLS server authentication (serverAuth)',
};

/**
 * Key usages that allow the leaf's TLS role, as OpenSSL's purpose check has them:
 * a client signs; a server signs (ECDHE), or decrypts/agrees on the key in the
 * old RSA and static ECDH key exchanges.
 */
const LEAF_KEY_USAGES: Record<Purpose, string[]> = {
  clientAuth: ['digitalSignature', 'keyAgreement'],
  serverAuth: ['digitalSignature', 'keyEncipherment', 'keyAgreement'],
};

/** Critical extensions whose meaning the checks below honour (RFC 5280 §4.2: refuse any other). */
const UNDERSTOOD_CRITICAL = new Set<string>([
  OID.basicConstraints,
  OID.keyUsage,
  OID.extKeyUsage,
  OID.subjectAltName,
  OID.subjectKeyId,
  OID.authorityKeyId,
  OID.nameConstraints,
  // No policy constraints are configured, so any policy is acceptable.
  OID.certificatePolicies,
]);

const issuers = (path: Certificate[]) => path.slice(1).map((issuer, k) => ({ issuer, subject: path[k], index: k + 1 }));
const dn = certName;
const list = (items: string[]) => (items.length ? items.join(', ') : 'none');

/** Why `subject` is not validly signed by `issuer`, for messages. */
export function badSignatureMessage(subject: Certificate, issuer: Certificate): string {
  return subject.signatureAlgorithmsAgree
    ? `the signature of ${dn(subject)} does not verify with the key of its issuer ${dn(issuer)}: the certificate was altered or not issued by that CA`
    : `certificate ${dn(subject)} names one signature algorithm in its signed part and another outside it, so its signature cannot be trusted (RFC 5280 §4.1.1.2)`;
}

// Path building verified every signature already; this only re-reads the cache.
const signatures: Check = async ({ path, signatures: cache }) => {
  for (const { issuer, subject } of issuers(path)) {
    if (!(await cache.verified(subject, issuer))) return { reason: 'bad_signature', message: badSignatureMessage(subject, issuer), certificate: subject };
  }
  return undefined;
};

const validity: Check = ({ path, at }) => {
  // One-second resolution, and the notAfter second already counts as past: so OpenSSL decides in the handshake
  // (X509_cmp_time), and both engines must agree. RFC 5280 calls notAfter inclusive; the difference is that one second.
  const t = Math.floor(at.getTime() / 1000) * 1000;
  for (const cert of path) {
    if (t >= cert.notAfter.getTime()) {
      return { reason: 'expired', message: `certificate ${dn(cert)} has expired on ${cert.notAfter.toISOString()}`, certificate: cert };
    }
    if (t < cert.notBefore.getTime()) {
      return { reason: 'not_yet_valid', message: `certificate ${dn(cert)} is not valid before ${cert.notBefore.toISOString()}`, certificate: cert };
    }
  }
  return undefined;
};

const keys: Check = ({ path, keyPolicy }) => {
  for (const cert of path) {
    const problem = keyProblem(cert, keyPolicy);
    if (problem) return { reason: 'weak_key', message: `certificate ${dn(cert)} is refused by the key policy: ${problem}`, certificate: cert };
  }
  return undefined;
};

/** CA/B Forum BR §7.1.2.7.8 / RFC 5280 §4.2.1.3: a leaf that could sign certificates is a CA, not a subscriber. */
const leafIsNotCa: Check = ({ path }) => {
  const leaf = path[0];
  const why = leaf.isCA ? 'its basicConstraints say cA=true' : leaf.keyUsage?.includes('keyCertSign') ? 'its key usage includes keyCertSign' : undefined;
  if (!why) return undefined;
  return {
    reason: 'leaf_is_ca',
    message: `certificate ${dn(leaf)} is presented as the end-entity certificate but is a CA certificate (${why}); send the certificate issued to you, not your CA's`,
    certificate: leaf,
  };
};

const profile: Check = ({ path, purpose, rootProfileChecked }) => {
  const last = path.length - 1;
  for (const [k, cert] of path.entries()) {
    if (k === last && !rootProfileChecked) continue;
    const problem = profileProblem(cert, k === 0 ? 'leaf' : k === last ? 'root' : 'intermediate', k === 0 ? purpose : undefined);
    if (problem) return { reason: 'profile_violation', message: `certificate ${dn(cert)} is not acceptable: ${problem}`, certificate: cert };
  }
  return undefined;
};

const caFlags: Check = ({ path }) => {
  for (const { issuer, subject, index } of issuers(path)) {
    if (!issuer.isCA) {
      const why = issuer.hasBasicConstraints ? 'its basicConstraints say cA=false' : 'it has no basicConstraints extension';
      return {
        reason: 'not_a_ca',
        message: `the certificate at depth ${index} of the chain, ${dn(issuer)}, issued ${dn(subject)} but is not a CA certificate (${why})`,
        certificate: issuer,
      };
    }
  }
  return undefined;
};

const pathLengths: Check = ({ path }) => {
  for (const { issuer, index } of issuers(path)) {
    const limit = issuer.pathLength;
    if (limit === undefined) continue;
    // RFC 5280 §6.1.4 (l): self-issued intermediates do not count.
    const below = path.slice(1, index).filter((c) => !c.isSelfIssued).length;
    if (below > limit) {
      return {
        reason: 'path_too_long',
        message: `CA ${dn(issuer)} allows ${limit} intermediate CA certificate(s) below it (pathLenConstraint) but the chain has ${below}`,
        certificate: issuer,
      };
    }
  }
  return undefined;
};

const keyUsages: Check = ({ path, purpose }) => {
  for (const { issuer } of issuers(path)) {
    const usage = issuer.keyUsage;
    if (usage && !usage.includes('keyCertSign')) {
      return {
        reason: 'wrong_key_usage',
        message: `CA ${dn(issuer)} may not sign certificates: its key usage (${list(usage)}) lacks keyCertSign`,
        certificate: issuer,
      };
    }
  }
  const leaf = path[0];
  const allowed = LEAF_KEY_USAGES[purpose];
  if (leaf.keyUsage && !leaf.keyUsage.some((u) => allowed.includes(u))) {
    return {
      reason: 'wrong_key_usage',
      message: `certificate ${dn(leaf)} may not be used for ${PURPOSE_TEXT[purpose]}: its key usage (${list(leaf.keyUsage)}) has none of ${allowed.join(', ')}`,
      certificate: leaf,
    };
  }
  return undefined;
};

/** An absent EKU allows any purpose; a CA's EKU restricts what it may issue for, as OpenSSL and browsers enforce. */
const extendedKeyUsages: Check = ({ path, purpose }) => {
  const [leaf, ...cas] = path;
  if (leaf.extendedKeyUsage && !leaf.extendedKeyUsage.includes(purpose)) {
    return {
      reason: 'wrong_eku',
      message: `certificate ${dn(leaf)} is not allowed for ${PURPOSE_TEXT[purpose]}: its extended key usage is ${list(leaf.extendedKeyUsage)}`,
      certificate: leaf,
    };
  }
  for (const ca of cas) {
    if (ca.extendedKeyUsage && !ca.extendedKeyUsage.includes(purpose)) {
      return {
        reason: 'wrong_eku',
        message: `CA ${dn(ca)} restricts its extended key usage to ${list(ca.extendedKeyUsage)}, so certificates below it cannot be used for ${PURPOSE_TEXT[purpose]}`,
        certificate: ca,
      };
    }
  }
  return undefined;
};

const nameConstraints: Check = ({ path }) => {
  const violation = checkNameConstraints(path, dn);
  return violation && { reason: 'name_constraints', message: violation.message, certificate: violation.certificate };
};

const criticalExtensions: Check = ({ path }) => {
  for (const cert of path) {
    const unknown = cert.criticalExtensions.filter((oid) => !UNDERSTOOD_CRITICAL.has(oid));
    if (unknown.length > 0) {
      return {
        reason: 'unknown',
        message: `certificate ${dn(cert)} has critical extension(s) ${unknown.join(', ')} that certgate does not process; RFC 5280 requires refusing it`,
        certificate: cert,
      };
    }
  }
  return undefined;
};

export const PATH_CHECKS: readonly Check[] = [
  signatures,
  validity,
  keys,
  leafIsNotCa,
  profile,
  caFlags,
  pathLengths,
  keyUsages,
  extendedKeyUsages,
  nameConstraints,
  criticalExtensions,
];

export async function checkPath(ctx: PathContext): Promise<Failure | undefined> {
  for (const check of PATH_CHECKS) {
    const failure = await check(ctx);
    if (failure) return failure;
  }
  return undefined;
}
