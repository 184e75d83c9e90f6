import { createHash } from 'node:crypto';
import { GENESIS_HASH, type AuditEntry, type AuditRecord } from './record';

/**
 * JSON with object keys sorted at every level, so that the hash of a record does not
 * depend on the order its writer or a reader put the keys in. Records hold only
 * strings, integers, booleans, arrays and objects, which JSON.stringify writes one way.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The hash of a record: SHA-256 over the canonical JSON of everything but `hash` (the
 * content includes `prev`) and `seq` (where a stream holds it, which an export adds).
 */
export function auditHash(record: Omit<AuditRecord, 'hash'>): string {
  const { hash: _hash, seq: _seq, ...rest } = record as AuditRecord & { seq?: number };
  return createHash('sha256').update(canonicalJson(rest)).digest('hex');
}

/** The record that follows `head` (or starts the chain). */
export function chainAfter(head: Pick<AuditRecord, 'index' | 'hash'> | undefined, entry: AuditEntry): AuditRecord {
  const unhashed = { ...entry, v: 1 as const, index: (head?.index ?? 0) + 1, prev: head?.hash ?? GENESIS_HASH };
  return { ...unhashed, hash: auditHash(unhashed) };
}

export interface ChainBreak {
  /** The record's place in the chain as it claims it, and where the stream holds it. */
  index: number;
  seq?: number;
  id?: string;
  problem: 'edited' | 'unreadable' | 'removed-before' | 'out-of-order';
  message: string;
}

export interface ChainVerdict {
  ok: boolean;
  /** Records read. */
  records: number;
  /** The first and last index read: a chain that starts after 1 lost its oldest records to retention. */
  first?: number;
  last?: number;
  lastHash?: string;
  breaks: ChainBreak[];
}

/** A record as read from the stream or from an export line: parsed or not, with its stream sequence when known. */
export interface ChainInput {
  seq?: number;
  record: unknown;
}

const MAX_BREAKS = 100;

/**
 * Checks a chain read oldest first, one record at a time (a stream of millions need not
 * be held). A record whose hash does not match its content was edited; a record whose
 * `prev` is not the hash of the one before it follows a removed (or edited and
 * re-hashed) record. The oldest record read may start after index 1 when retention
 * removed older ones: that is reported by `first`, not as a break.
 */
export class ChainVerifier {
  private readonly v: ChainVerdict = { ok: true, records: 0, breaks: [] };
  private previous?: { index: number; hash: string };

  add({ seq, record }: ChainInput): void {
    this.v.records += 1;
    const previous = this.previous;
    const r = record as Partial<AuditRecord> | undefined;
    if (!r || typeof r !== 'object' || typeof r.index !== 'number' || typeof r.hash !== 'string' || typeof r.prev !== 'string') {
      this.fail({
        index: (previous?.index ?? 0) + 1,
        seq,
        problem: 'unreadable',
        message: `the record at stream sequence ${seq ?? '?'} is not an audit record`,
      });
      return;
    }
    const name = `record ${r.index}${r.id ? ` (id ${r.id}${seq === undefined ? '' : `, stream sequence ${seq}`})` : ''}`;
    const at = { index: r.index, seq, id: r.id };
    this.v.first ??= r.index;
    if (auditHash(r as AuditRecord) !== r.hash) this.fail({ ...at, problem: 'edited', message: `${name} was edited: its hash does not match its content` });
    if (previous && r.index > previous.index + 1)
      this.fail({
        ...at,
        problem: 'removed-before',
        message: `${name} follows record ${previous.index}: records ${previous.index + 1}–${r.index - 1} were removed`,
      });
    else if (previous && r.index <= previous.index)
      this.fail({ ...at, problem: 'out-of-order', message: `${name} follows record ${previous.index}: the chain is out of order` });
    else if (previous && r.prev !== previous.hash)
      this.fail({
        ...at,
        problem: 'removed-before',
        message: `${name} does not follow record ${previous.index}: record ${previous.index} was edited (and re-hashed) or replaced`,
      });
    else if (!previous && r.index === 1 && r.prev !== GENESIS_HASH)
      this.fail({ ...at, problem: 'edited', message: `${name} claims to start the chain but names a previous record` });
    this.previous = { index: r.index, hash: r.hash };
    this.v.last = r.index;
    this.v.lastHash = r.hash;
  }

  verdict(): ChainVerdict {
    return { ...this.v, breaks: [...this.v.breaks] };
  }

  private fail(b: ChainBreak): void {
    this.v.ok = false;
    if (this.v.breaks.length < MAX_BREAKS) this.v.breaks.push(b);
  }
}

/** The verdict on a whole chain read oldest first. */
export function verifyChain(inputs: Iterable<ChainInput>): ChainVerdict {
  const verifier = new ChainVerifier();
  for (const input of inputs) verifier.add(input);
  return verifier.verdict();
}
