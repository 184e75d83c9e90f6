// Which public keys a certificate in a chain may carry (docs/certificate-policy.md):
// by default RSA of 2048 bits or more whose modulus is a whole number of bytes,
// EC on P-256, P-384 or P-521 given by name, and Ed25519. Deployments may
// tighten this, or loosen it within limits, through `KeyPolicy`.
import { createPublicKey } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { SubjectPublicKeyInfo } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import type { Certificate } from './certificate';

export type EcCurve = 'P-256' | 'P-384' | 'P-521';
export type EdwardsCurve = 'Ed25519' | 'Ed448';

/** Which keys verifyChain and isValidAnchor accept; every field has a secure default. */
export interface KeyPolicy {
  /** Smallest RSA modulus, in bits (default 2048; at least 1024). A modulus must also be a multiple of 8 bits. */
  minRsaBits?: number;
  /** Curves allowed for EC keys (default P-256, P-384, P-521). The curve must be given by name. */
  ecCurves?: readonly EcCurve[];
  /** EdDSA keys allowed (default Ed25519 only). */
  edwardsCurves?: readonly EdwardsCurve[];
}

export type ResolvedKeyPolicy = Required<{ readonly [K in keyof KeyPolicy]: NonNullable<KeyPolicy[K]> }>;

export const DEFAULT_KEY_POLICY: ResolvedKeyPolicy = Object.freeze({
  minRsaBits: 2048,
  ecCurves: Object.freeze(['P-256', 'P-384', 'P-521'] as EcCurve[]),
  edwardsCurves: Object.freeze(['Ed25519'] as EdwardsCurve[]),
});

/** No configuration goes below this: 1024-bit RSA is already breakable by a determined attacker. */
const RSA_FLOOR = 1024;
const EC_CURVES: readonly EcCurve[] = ['P-256', 'P-384', 'P-521'];
const EDWARDS_CURVES: readonly EdwardsCurve[] = ['Ed25519', 'Ed448'];

/** The policy with defaults filled in; throws RangeError for a setting that makes no sense, so a typo in configuration fails loudly. */
export function resolveKeyPolicy(policy: KeyPolicy = {}): ResolvedKeyPolicy {
  const minRsaBits = policy.minRsaBits ?? DEFAULT_KEY_POLICY.minRsaBits;
  if (!Number.isInteger(minRsaBits) || minRsaBits < RSA_FLOOR || minRsaBits > 16384) {
    throw new RangeError(`keyPolicy.minRsaBits must be a whole number from ${RSA_FLOOR} to 16384, not ${policy.minRsaBits}`);
  }
  const ecCurves = policy.ecCurves ?? DEFAULT_KEY_POLICY.ecCurves;
  const unknownEc = ecCurves.filter((c) => !EC_CURVES.includes(c));
  if (unknownEc.length) throw new RangeError(`keyPolicy.ecCurves: unknown curve(s) ${unknownEc.join(', ')}; use ${EC_CURVES.join(', ')}`);
  const edwardsCurves = policy.edwardsCurves ?? DEFAULT_KEY_POLICY.edwardsCurves;
  const unknownEd = edwardsCurves.filter((c) => !EDWARDS_CURVES.includes(c));
  if (unknownEd.length) throw new RangeError(`keyPolicy.edwardsCurves: unknown curve(s) ${unknownEd.join(', ')}; use ${EDWARDS_CURVES.join(', ')}`);
  return { minRsaBits, ecCurves: [...ecCurves], edwardsCurves: [...edwardsCurves] };
}

/** What a certificate's key is, independent of any policy. */
type KeyFacts =
  | { kind: 'rsa'; bits: number }
  | { kind: 'ec'; curve: string; named: EcCurve | undefined }
  | { kind: 'ec-explicit' }
  | { kind: 'edwards'; curve: EdwardsCurve }
  | { kind: 'dsa'; bits: number | undefined }
  | { kind: 'other'; what: string };

const OID = {
  rsaEncryption: '1.2.840.113549.1.1.1',
  rsassaPss: '1.2.840.113549.1.1.10',
  ecPublicKey: '1.2.840.10045.2.1',
  dsa: '1.2.840.10040.4.1',
  ed25519: '1.3.101.112',
  ed448: '1.3.101.113',
} as const;

const CURVE_NAMES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.2.840.10045.3.1.1': 'P-192',
  '1.3.132.0.33': 'P-224',
  '1.3.132.0.10': 'secp256k1',
};

function namedCurveOid(parameters: ArrayBuffer | null | undefined): string | undefined {
  if (!parameters) return undefined;
  const parsed = asn1js.fromBER(parameters);
  return parsed.offset !== -1 && parsed.result instanceof asn1js.ObjectIdentifier ? parsed.result.valueBlock.toString() : undefined;
}

function readKeyFacts(spkiDer: Uint8Array): KeyFacts {
  let spki: SubjectPublicKeyInfo;
  try {
    spki = AsnConvert.parse(spkiDer, SubjectPublicKeyInfo);
  } catch {
    return { kind: 'other', what: 'an undecodable public key' };
  }
  const oid = spki.algorithm.algorithm;
  const details = () => {
    try {
      return createPublicKey({ key: Buffer.from(spkiDer), format: 'der', type: 'spki' }).asymmetricKeyDetails;
    } catch {
      return undefined;
    }
  };
  switch (oid) {
    case OID.rsaEncryption: {
      const bits = details()?.modulusLength;
      return bits === undefined ? { kind: 'other', what: 'an RSA key that cannot be read' } : { kind: 'rsa', bits };
    }
    case OID.ecPublicKey: {
      // RFC 5480 §2.1.1: conforming CAs name the curve. Explicit parameters let a
      // certificate define its own (possibly weak) curve, a known attack vector.
      const curveOid = namedCurveOid(spki.algorithm.parameters);
      if (!curveOid) return { kind: 'ec-explicit' };
      const curve = CURVE_NAMES[curveOid] ?? curveOid;
      return { kind: 'ec', curve, named: EC_CURVES.find((c) => c === curve) };
    }
    case OID.ed25519:
      return { kind: 'edwards', curve: 'Ed25519' };
    case OID.ed448:
      return { kind: 'edwards', curve: 'Ed448' };
    case OID.dsa:
      return { kind: 'dsa', bits: details()?.modulusLength };
    case OID.rsassaPss:
      return { kind: 'other', what: 'an RSASSA-PSS (id-RSASSA-PSS) key' };
    default:
      return { kind: 'other', what: `a key of algorithm ${oid}` };
  }
}

const factsCache = new WeakMap<Certificate, KeyFacts>();

function keyFacts(cert: Certificate): KeyFacts {
  let facts = factsCache.get(cert);
  if (!facts) {
    facts = readKeyFacts(cert.spkiDer);
    factsCache.set(cert, facts);
  }
  return facts;
}

/** Why the certificate's key is not allowed by `policy`, or undefined when it is. */
export function keyProblem(cert: Certificate, policy: ResolvedKeyPolicy): string | undefined {
  const facts = keyFacts(cert);
  switch (facts.kind) {
    case 'rsa':
      if (facts.bits < policy.minRsaBits) return `its RSA key has ${facts.bits} bits; at least ${policy.minRsaBits} are required`;
      if (facts.bits % 8 !== 0) return `its RSA modulus has ${facts.bits} bits, not a multiple of 8 (a malformed or deliberately odd key)`;
      return undefined;
    case 'ec':
      return facts.named && policy.ecCurves.includes(facts.named)
        ? undefined
        : `its EC key is on curve ${facts.curve}; allowed curves are ${policy.ecCurves.join(', ') || 'none'}`;
    case 'ec-explicit':
      return 'its EC key spells out its curve parameters instead of naming a curve (RFC 5480 §2.1.1)';
    case 'edwards':
      return policy.edwardsCurves.includes(facts.curve)
        ? undefined
        : `its ${facts.curve} key is not allowed (allowed: ${policy.edwardsCurves.join(', ') || 'none'})`;
    case 'dsa':
      return `it has a DSA key${facts.bits ? ` (${facts.bits} bits)` : ''}; DSA is not allowed`;
    case 'other':
      return `it has ${facts.what}, which is not allowed`;
  }
}
