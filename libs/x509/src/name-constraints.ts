// Name constraints (RFC 5280 §4.2.1.10, §6.1.3 (b)-(c), §6.1.4 (g)), critical or
// not (the CA/Browser Forum allows them non-critical; they bind just the same).
// A CA's constraints bind the names of every certificate below it in the path:
// its subject DN (and e-mail addresses in it), its subjectAltName entries and,
// for the leaf without DNS names in its SAN, a host-name-like CN (what Node's
// checkServerIdentity would fall back to, and OpenSSL also checks). Self-issued
// intermediates are exempt, as §6.1.4 (b) says.
//
// Parsing uses @peculiar/asn1-schema and @peculiar/asn1-x509's GeneralName, but
// keeps each GeneralName's DER as well: GeneralName decodes an iPAddress through
// IpConverter, which counts mask bits without checking that the mask is
// contiguous and turns a value of the wrong length into hex, and a
// directoryName must be compared with the normalisation certificate names get
// (dn.ts), which needs the attribute values' exact encodings.
import { AsnArray, AsnConvert, AsnParser, AsnProp, AsnPropTypes, AsnType, AsnTypeTypes } from '@peculiar/asn1-schema';
import { GeneralName } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import type { Certificate } from './certificate';
import { decodeName } from './dn-der';
import type { Rdn } from './dn-string';
import { normalizeRdns } from './dn';
import { OID } from './oids';
import { readDer } from './strict-der';

class RawGeneralSubtree {
  @AsnProp({ type: AsnPropTypes.Any })
  base: ArrayBuffer = new ArrayBuffer(0);

  @AsnProp({ type: AsnPropTypes.Integer, context: 0, implicit: true, defaultValue: 0 })
  minimum = 0;

  @AsnProp({ type: AsnPropTypes.Integer, context: 1, implicit: true, optional: true })
  maximum?: number;
}

@AsnType({ type: AsnTypeTypes.Sequence, itemType: RawGeneralSubtree })
class RawGeneralSubtrees extends AsnArray<RawGeneralSubtree> {
  constructor(items?: RawGeneralSubtree[]) {
    super(items);
    Object.setPrototypeOf(this, RawGeneralSubtrees.prototype);
  }
}

class RawNameConstraints {
  @AsnProp({ type: RawGeneralSubtrees, context: 0, implicit: true, optional: true })
  permittedSubtrees?: RawGeneralSubtrees;

  @AsnProp({ type: RawGeneralSubtrees, context: 1, implicit: true, optional: true })
  excludedSubtrees?: RawGeneralSubtrees;
}

/** GeneralNames (the subjectAltName value) with each name's DER kept. */
@AsnType({ type: AsnTypeTypes.Sequence, itemType: AsnPropTypes.Any })
class RawGeneralNames extends AsnArray<ArrayBuffer> {
  constructor(items?: ArrayBuffer[]) {
    super(items);
    Object.setPrototypeOf(this, RawGeneralNames.prototype);
  }
}

type OpaqueForm = 'otherName' | 'x400Address' | 'ediPartyName' | 'uniformResourceIdentifier' | 'registeredID';

export type ConstrainedName =
  | { form: 'dNSName'; text: string }
  | { form: 'rfc822Name'; text: string }
  | { form: 'iPAddress'; bytes: Uint8Array }
  | { form: 'directoryName'; rdns: Rdn[] }
  | { form: OpaqueForm; text: string };

type Form = ConstrainedName['form'];

interface Constraints {
  permitted: ConstrainedName[];
  excluded: ConstrainedName[];
}

// Bounds on the work one chain may cause (pathological::nc-dos-*): a CA's
// constraints are refused beyond MAX_CONSTRAINT_BYTES or MAX_SUBTREES before any
// subtree is decoded, and more names × constraints than NAME_CHECK_LIMIT are
// refused rather than compared (OpenSSL stops at 2^20; no legitimate PKI comes
// near 2^16). Subtrees and names are counted on the asn1js tree, whose parse is
// cheap, before @peculiar/asn1-schema maps them to objects, which is not.
export const NAME_CHECK_LIMIT = 1 << 16;
export const MAX_SUBTREES = 1024;
const MAX_CONSTRAINT_BYTES = 32 * 1024;

const OID_EMAIL_ADDRESS = '1.2.840.113549.1.9.1';
const OID_CN = '2.5.4.3';

// Letters, digits, hyphen; underscores too, which real host names carry (SRV-style labels).
const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;

function isHostName(text: string, allowWildcard: boolean): boolean {
  if (text.length === 0 || text.length > 253) return false;
  const labels = text.split('.');
  if (allowWildcard && labels[0] === '*' && labels.length > 2) labels.shift();
  return labels.every((l) => LABEL.test(l));
}

function isMailbox(text: string): boolean {
  const at = text.indexOf('@');
  return at > 0 && at === text.lastIndexOf('@') && isHostName(text.slice(at + 1), false);
}

function contiguousMask(mask: Uint8Array): boolean {
  let ended = false;
  for (const byte of mask) {
    for (let bit = 7; bit >= 0; bit--) {
      const set = (byte >> bit) & 1;
      if (set && ended) return false;
      if (!set) ended = true;
    }
  }
  return true;
}

/** One GeneralName from its DER. Throws on what is not one. */
function decodeGeneralName(raw: ArrayBuffer): ConstrainedName {
  const gn = AsnConvert.parse(raw, GeneralName);
  if (gn.dNSName !== undefined) return { form: 'dNSName', text: gn.dNSName };
  if (gn.rfc822Name !== undefined) return { form: 'rfc822Name', text: gn.rfc822Name };
  if (gn.uniformResourceIdentifier !== undefined) return { form: 'uniformResourceIdentifier', text: gn.uniformResourceIdentifier };
  if (gn.iPAddress !== undefined) {
    // [7] IMPLICIT OCTET STRING: the content octets are the address (and mask).
    return { form: 'iPAddress', bytes: new Uint8Array((readDer(new Uint8Array(raw)) as asn1js.Primitive).valueBlock.valueHexView) };
  }
  if (gn.directoryName) {
    // [4] EXPLICIT Name: the one member is the Name as encoded.
    const [name] = (readDer(new Uint8Array(raw)) as asn1js.Constructed).valueBlock.value;
    return { form: 'directoryName', rdns: decodeName(name) };
  }
  if (gn.otherName) return { form: 'otherName', text: gn.otherName.typeId };
  if (gn.registeredID !== undefined) return { form: 'registeredID', text: gn.registeredID };
  if (gn.ediPartyName) return { form: 'ediPartyName', text: '' };
  return { form: 'x400Address', text: '' };
}

function describe(name: ConstrainedName): string {
  switch (name.form) {
    case 'dNSName':
      return `DNS name '${name.text}'`;
    case 'rfc822Name':
      return `e-mail address '${name.text}'`;
    case 'iPAddress':
      return name.bytes.length === 8 || name.bytes.length === 32
        ? `IP range ${ipText(name.bytes.subarray(0, name.bytes.length / 2))}/${prefixLength(name.bytes.subarray(name.bytes.length / 2))}`
        : `IP address ${ipText(name.bytes)}`;
    case 'directoryName':
      return `directory name '${name.rdns.map((rdn) => normalizeRdns([rdn])).join(',')}'`;
    default:
      return `${name.form} ${name.text}`.trim();
  }
}

function ipText(bytes: Uint8Array): string {
  if (bytes.length === 4) return Array.from(bytes).join('.');
  if (bytes.length === 16) return Array.from({ length: 8 }, (_, k) => ((bytes[2 * k] << 8) | bytes[2 * k + 1]).toString(16)).join(':');
  return `<${bytes.length} bytes>`;
}

function prefixLength(mask: Uint8Array): number {
  return mask.reduce((n, b) => n + (b.toString(2).match(/1/g)?.length ?? 0), 0);
}

/** Why a subtree base cannot be a constraint, or undefined. */
function invalidBase(base: ConstrainedName): string | undefined {
  switch (base.form) {
    case 'dNSName':
      // '' constrains every DNS name. A leading period is URI syntax, not DNS (§4.2.1.10); a wildcard is no syntax at all.
      return base.text === '' || isHostName(base.text, false) ? undefined : `the DNS name constraint '${base.text}' is not a host name`;
    case 'rfc822Name': {
      const t = base.text;
      const ok = t.includes('@') ? isMailbox(t) : isHostName(t.startsWith('.') ? t.slice(1) : t, false);
      return ok ? undefined : `the e-mail constraint '${t}' is neither a mailbox, a host nor a .domain`;
    }
    case 'iPAddress': {
      const b = base.bytes;
      if (b.length !== 8 && b.length !== 32) return `an IP constraint must be an address and a mask (8 or 32 bytes), not ${b.length} bytes`;
      return contiguousMask(b.subarray(b.length / 2)) ? undefined : `the IP constraint ${describe(base)} has a mask whose bits are not contiguous`;
    }
    default:
      return undefined;
  }
}

/** Why a name of a constrained certificate is malformed, or undefined. */
function invalidName(name: ConstrainedName): string | undefined {
  switch (name.form) {
    case 'dNSName':
      return isHostName(name.text, true) ? undefined : 'not a host name';
    case 'rfc822Name':
      return isMailbox(name.text) ? undefined : 'not a mailbox';
    case 'iPAddress':
      return name.bytes.length === 4 || name.bytes.length === 16 ? undefined : `${name.bytes.length} bytes, where an address has 4 or 16`;
    default:
      return undefined;
  }
}

const within = (name: string, base: string) => base === '' || name === base || name.endsWith(`.${base}`);

function dnsMatches(nameText: string, baseText: string, as: 'permitted' | 'excluded'): boolean {
  const name = nameText.toLowerCase();
  const base = baseText.toLowerCase();
  if (!name.startsWith('*.')) return within(name, base);
  // A wildcard stands for any one label. Permitted only if every such name is
  // (the rest lies within the base); excluded if any such name could be,
  // which is also the case for a base one label below the rest (CVE-2025-61727).
  const rest = name.slice(2);
  if (within(rest, base)) return true;
  return as === 'excluded' && base.endsWith(`.${rest}`) && !base.slice(0, -rest.length - 1).includes('.');
}

function emailMatches(name: string, base: string): boolean {
  const at = name.lastIndexOf('@');
  const host = name.slice(at + 1).toLowerCase();
  if (base.includes('@')) {
    const bAt = base.lastIndexOf('@');
    // The local part is case-sensitive (RFC 5321), and '*' in it is a literal character.
    return name.slice(0, at) === base.slice(0, bAt) && host === base.slice(bAt + 1).toLowerCase();
  }
  const b = base.toLowerCase();
  return b.startsWith('.') ? host.endsWith(b) : host === b;
}

function ipMatches(addr: Uint8Array, base: Uint8Array): boolean {
  if (base.length !== addr.length * 2) return false;
  for (let k = 0; k < addr.length; k++) {
    const mask = base[addr.length + k];
    if ((addr[k] & mask) !== (base[k] & mask)) return false;
  }
  return true;
}

function dnMatches(name: Rdn[], base: Rdn[]): boolean {
  // Rdn[] run most specific first: the base must be the name's root-most RDNs.
  if (base.length > name.length) return false;
  const offset = name.length - base.length;
  return base.every((rdn, k) => normalizeRdns([rdn]) === normalizeRdns([name[offset + k]]));
}

function matches(name: ConstrainedName, base: ConstrainedName, as: 'permitted' | 'excluded'): boolean {
  if (name.form === 'dNSName' && base.form === 'dNSName') return dnsMatches(name.text, base.text, as);
  if (name.form === 'rfc822Name' && base.form === 'rfc822Name') return emailMatches(name.text, base.text);
  if (name.form === 'iPAddress' && base.form === 'iPAddress') return ipMatches(name.bytes, base.bytes);
  if (name.form === 'directoryName' && base.form === 'directoryName') return dnMatches(name.rdns, base.rdns);
  return false;
}

// --- per-certificate parsing, cached ---

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const constraintsCache = new WeakMap<Certificate, Parsed<{ raw: RawNameConstraints; count: number }> | null>();
const decodedConstraintsCache = new WeakMap<Certificate, Parsed<Constraints>>();
const sanCache = new WeakMap<Certificate, Parsed<ArrayBuffer[]>>();
const sanTreeCache = new WeakMap<Certificate, Parsed<asn1js.BaseBlock | undefined>>();

function extensionValue(cert: Certificate, oid: string): ArrayBuffer | undefined {
  return cert.toX509().getExtension(oid)?.value;
}

/** The NameConstraints of a CA with their size, or null without the extension. */
function rawConstraints(cert: Certificate): Parsed<{ raw: RawNameConstraints; count: number }> | null {
  if (constraintsCache.has(cert)) return constraintsCache.get(cert) ?? null;
  const value = extensionValue(cert, OID.nameConstraints);
  let result: Parsed<{ raw: RawNameConstraints; count: number }> | null = null;
  if (value && value.byteLength > MAX_CONSTRAINT_BYTES) {
    result = { ok: false, problem: `its name constraints take ${value.byteLength} bytes, more than certgate's limit of ${MAX_CONSTRAINT_BYTES}` };
  } else if (value) {
    try {
      const node = readDer(new Uint8Array(value));
      const count = membersOfTree(node).reduce((n, subtrees) => n + membersOfTree(subtrees).length, 0);
      if (count > MAX_SUBTREES) {
        result = { ok: false, problem: `its name constraints have ${count} subtrees, more than certgate's limit of ${MAX_SUBTREES}` };
      } else if (count === 0) {
        // CA/B Forum BR §7.1.2.5.2: an extension that constrains nothing is a mistake, not a licence.
        result = { ok: false, problem: 'its name constraints list no permitted and no excluded subtrees' };
      } else {
        result = { ok: true, value: { raw: AsnParser.fromASN(node, RawNameConstraints), count } };
      }
    } catch {
      result = { ok: false, problem: 'its name constraints extension cannot be decoded' };
    }
  }
  constraintsCache.set(cert, result);
  return result;
}

class InvalidConstraint extends Error {}

function decodedConstraints(cert: Certificate, raw: RawNameConstraints): Parsed<Constraints> {
  const cached = decodedConstraintsCache.get(cert);
  if (cached) return cached;
  const decode = (subtrees: RawGeneralSubtree[] | undefined): ConstrainedName[] =>
    (subtrees ?? []).map((s) => {
      if (s.minimum !== 0 || s.maximum !== undefined) throw new InvalidConstraint('a subtree sets minimum or maximum, which RFC 5280 §4.2.1.10 forbids');
      const base = decodeGeneralName(s.base);
      const problem = invalidBase(base);
      if (problem) throw new InvalidConstraint(problem);
      return base;
    });
  let result: Parsed<Constraints>;
  try {
    result = { ok: true, value: { permitted: decode(raw.permittedSubtrees), excluded: decode(raw.excludedSubtrees) } };
  } catch (e) {
    result = { ok: false, problem: e instanceof InvalidConstraint ? e.message : 'a subtree cannot be decoded' };
  }
  decodedConstraintsCache.set(cert, result);
  return result;
}

/** The members of a constructed asn1js node ([] for a primitive one). */
function membersOfTree(node: asn1js.BaseBlock): asn1js.BaseBlock[] {
  const members: unknown = (node.valueBlock as { value?: unknown }).value;
  return Array.isArray(members) ? members : [];
}

/** The subjectAltName as an asn1js tree (cheap to count), mapped to raw names only when needed. */
function altNamesTree(cert: Certificate): Parsed<asn1js.BaseBlock | undefined> {
  let cached = sanTreeCache.get(cert);
  if (!cached) {
    const value = extensionValue(cert, OID.subjectAltName);
    try {
      cached = { ok: true, value: value ? readDer(new Uint8Array(value)) : undefined };
    } catch {
      cached = { ok: false, problem: 'its subjectAltName cannot be decoded' };
    }
    sanTreeCache.set(cert, cached);
  }
  return cached;
}

function rawAltNames(cert: Certificate, tree: asn1js.BaseBlock | undefined): Parsed<ArrayBuffer[]> {
  let cached = sanCache.get(cert);
  if (!cached) {
    try {
      cached = { ok: true, value: tree ? Array.from(AsnParser.fromASN(tree, RawGeneralNames)) : [] };
    } catch {
      cached = { ok: false, problem: 'its subjectAltName cannot be decoded' };
    }
    sanCache.set(cert, cached);
  }
  return cached;
}

/** Every name of `cert` that constraints bind (see the top of this file), or why they cannot be read. */
function constrainedNames(cert: Certificate, isLeaf: boolean, altNames: ArrayBuffer[]): Parsed<ConstrainedName[]> {
  const names: ConstrainedName[] = [];
  try {
    for (const raw of altNames) names.push(decodeGeneralName(raw));
  } catch {
    return { ok: false, problem: 'a subjectAltName entry cannot be decoded' };
  }
  const subject = cert.subjectRdns;
  if (subject.length > 0) names.push({ form: 'directoryName', rdns: subject });
  for (const attr of subject.flat()) {
    if (attr.oid === OID_EMAIL_ADDRESS && !attr.der) names.push({ form: 'rfc822Name', text: attr.value });
  }
  if (isLeaf && !names.some((n) => n.form === 'dNSName')) {
    for (const attr of subject.flat()) {
      if (attr.oid === OID_CN && !attr.der && attr.value.includes('.') && isHostName(attr.value, true)) names.push({ form: 'dNSName', text: attr.value });
    }
  }
  return { ok: true, value: names };
}

export interface NameConstraintViolation {
  /** The certificate whose name (or constraint) is at fault. */
  certificate: Certificate;
  message: string;
}

/**
 * Checks the name constraints of every CA in `path` (leaf .. anchor) against the
 * certificates below it; the first violation, top-down, or undefined.
 */
export function checkNameConstraints(path: Certificate[], name: (c: Certificate) => string): NameConstraintViolation | undefined {
  const leaf = path[0];
  if (rawConstraints(leaf) !== null) {
    return {
      certificate: leaf,
      message: `certificate ${name(leaf)} is an end-entity certificate but carries name constraints, which only a CA may (RFC 5280 §4.2.1.10)`,
    };
  }
  let work = 0;
  for (let i = path.length - 1; i >= 1; i--) {
    const ca = path[i];
    const nc = rawConstraints(ca);
    if (nc === null) continue;
    if (!nc.ok) return { certificate: ca, message: `CA ${name(ca)} cannot constrain names: ${nc.problem}` };
    for (let j = i - 1; j >= 0; j--) {
      const cert = path[j];
      // §6.1.4 (b): self-issued intermediates (key rollover) are not bound; the leaf always is.
      if (j > 0 && cert.isSelfIssued) continue;
      const tree = altNamesTree(cert);
      if (!tree.ok)
        return { certificate: cert, message: `the names of ${name(cert)} cannot be checked against the name constraints of CA ${name(ca)}: ${tree.problem}` };
      // Counted before anything is decoded or compared: the subject's attributes can be names too (e-mail, CN).
      const nameCount = (tree.value ? membersOfTree(tree.value).length : 0) + cert.subjectRdns.reduce((n, rdn) => n + rdn.length, 0) + 1;
      work += nc.value.count * nameCount;
      if (work > NAME_CHECK_LIMIT) {
        return {
          certificate: ca,
          message: `CA ${name(ca)} has ${nc.value.count} name constraints and ${name(cert)} up to ${nameCount} names: more comparisons than certgate's limit of ${NAME_CHECK_LIMIT}`,
        };
      }
      const constraints = decodedConstraints(ca, nc.value.raw);
      if (!constraints.ok) return { certificate: ca, message: `CA ${name(ca)} has invalid name constraints: ${constraints.problem}` };
      const alt = rawAltNames(cert, tree.value);
      if (!alt.ok)
        return { certificate: cert, message: `the names of ${name(cert)} cannot be checked against the name constraints of CA ${name(ca)}: ${alt.problem}` };
      const names = constrainedNames(cert, j === 0, alt.value);
      if (!names.ok) return { certificate: cert, message: `${name(cert)} is below name-constrained CA ${name(ca)} but ${names.problem}` };
      const violation = violationOf(names.value, constraints.value);
      if (violation) return { certificate: cert, message: `${describe(violation.name)} of ${name(cert)} ${violation.why} of CA ${name(ca)}` };
    }
  }
  return undefined;
}

const OPAQUE: ReadonlySet<Form> = new Set<Form>(['otherName', 'x400Address', 'ediPartyName', 'uniformResourceIdentifier', 'registeredID']);

function violationOf(names: ConstrainedName[], constraints: Constraints): { name: ConstrainedName; why: string } | undefined {
  for (const name of names) {
    const permitted = constraints.permitted.filter((b) => b.form === name.form);
    const excluded = constraints.excluded.filter((b) => b.form === name.form);
    // A malformed name of a constrained form cannot be shown to lie inside (or outside) anything: refused.
    // One of a form nobody constrains is not this check's business.
    const malformed = (permitted.length || excluded.length) && invalidName(name);
    if (malformed) return { name, why: `is malformed (${malformed}), so it cannot be checked against the name constraints` };
    if (OPAQUE.has(name.form)) {
      // §4.2.1.10: a constraint on a name form must be processed or the certificate refused.
      if (permitted.length || excluded.length)
        return { name, why: `is of a form whose constraints certgate does not evaluate, yet is constrained by the name constraints` };
      continue;
    }
    const hit = excluded.find((b) => matches(name, b, 'excluded'));
    if (hit) return { name, why: `falls within the excluded ${describe(hit)} in the name constraints` };
    if (permitted.length && !permitted.some((b) => matches(name, b, 'permitted'))) {
      return { name, why: `lies outside the permitted ${permitted.map(describe).join(', ')} in the name constraints` };
    }
  }
  return undefined;
}

/** For specs: the constraint bases of a certificate as decoded, or the problem. */
export function describeNameConstraints(cert: Certificate): { permitted: string[]; excluded: string[] } | string | null {
  const nc = rawConstraints(cert);
  if (nc === null) return null;
  if (!nc.ok) return nc.problem;
  const decoded = decodedConstraints(cert, nc.value.raw);
  if (!decoded.ok) return decoded.problem;
  return { permitted: decoded.value.permitted.map(describe), excluded: decoded.value.excluded.map(describe) };
}
