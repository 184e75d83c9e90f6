import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** One address a host name resolves to, as the HTTP request connects to it. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (the system resolver: hosts file, DNS). */
export type WebhookResolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: WebhookResolver = async (hostname) =>
  (await lookup(hostname, { all: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** Nest token of the resolver the destination checks use (specs give their own to simulate DNS answers). */
export const WEBHOOK_RESOLVER = Symbol('WEBHOOK_RESOLVER');

/**
 * Cloud instance metadata endpoints (AWS IMDS and ECS/EKS agents, GCP, Azure, OpenStack,
 * DigitalOcean, Oracle, Alibaba). All of them are in a refused range anyway; being named
 * here only means an allow-list entry must name them exactly (a wider range does not
 * open them).
 */
const METADATA_ADDRESSES: readonly Address[] = [
  '169.254.169.254',
  '169.254.170.2',
  '169.254.170.23',
  '100.100.100.200',
  '192.0.0.192',
  'fd00:ec2::254',
  'fd00:ec2::23',
].map((a) => ipaddr.parse(a));

/** Host names of metadata endpoints, refused without asking DNS. */
export const METADATA_HOST_NAMES: ReadonlySet<string> = new Set([
  'metadata',
  'metadata.google.internal',
  'metadata.goog',
  'instance-data',
  'instance-data.ec2.internal',
]);

/** What each special-purpose range of ipaddr.js is called in a refusal. */
const RANGE_NAMES: Record<string, string> = {
  unspecified: 'an unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address',
  loopback: 'a loopback address',
  private: 'a private address',
  uniqueLocal: 'a private (unique local) address',
  carrierGradeNat: 'a shared (carrier-grade NAT) address',
  reserved: 'a reserved address',
  benchmarking: 'a benchmarking address',
};

/** Every public IPv6 address is in 2000::/3; outside it (e.g. `::a9fe:a9fe`, IPv4-compatible) nothing is routed publicly. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
/** NAT64 well-known prefix: the last 32 bits are the IPv4 address the gateway connects to. */
const NAT64_V6 = ipaddr.parseCIDR('64:ff9b::/96');

export interface AddressClass {
  /** E.g. `a private address`, `a cloud metadata address`. */
  kind: string;
  metadata: boolean;
}

/**
 * Why webhooks may not go to `address` by default, or undefined for a public unicast
 * address. IPv4-mapped (`::ffff:a.b.c.d`) and NAT64 (`64:ff9b::a.b.c.d`) forms are
 * judged by the IPv4 address they carry.
 */
export function classifyAddress(address: string): AddressClass | undefined {
  const parsed = ipaddr.parse(address);
  const ip = ipaddr.process(address);
  const note = ip.kind() !== parsed.kind() ? ` (IPv4-mapped ${ip.toString()})` : '';
  if (isMetadataAddress(ip)) return { kind: `a cloud metadata address${note}`, metadata: true };
  if (ip.kind() === 'ipv6' && ip.match(NAT64_V6)) {
    const v4 = ipaddr.fromByteArray(ip.toByteArray().slice(12));
    const inner = classifyAddress(v4.toString());
    return inner && { kind: `${inner.kind} (NAT64 ${v4.toString()})`, metadata: inner.metadata };
  }
  const range = ip.range();
  if (range === 'unicast') {
    if (ip.kind() === 'ipv4' || ip.match(GLOBAL_UNICAST_V6)) return undefined;
    return { kind: `an address outside the global unicast range 2000::/3${note}`, metadata: false };
  }
  return { kind: `${RANGE_NAMES[range] ?? `a special-purpose address (${range})`}${note}`, metadata: false };
}

function isMetadataAddress(ip: Address): boolean {
  return METADATA_ADDRESSES.some((m) => m.kind() === ip.kind() && ip.match(m, m.kind() === 'ipv4' ? 32 : 128));
}

/** `Hooks.Example.` → `hooks.example`: host names compare lower-case, without the root dot. */
function normalizeHostName(name: string): string {
  return name.toLowerCase().replace(/\.+$/, '');
}

const HOST_NAME = /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;

/**
 * The destinations allowed despite the policy (CERTGATE_ALERT_WEBHOOK_ALLOW): CIDRs
 * (`10.20.0.0/16`, `fd12::/16`), single addresses (`127.0.0.1`, `::1`), host names
 * (`hooks.internal`) and wildcard host names (`*.corp.example`: any name below it).
 */
export class WebhookAllowList {
  private constructor(
    private readonly ranges: readonly [Address, number][],
    private readonly names: ReadonlySet<string>,
    /** `.corp.example` for `*.corp.example`. */
    private readonly suffixes: readonly string[],
  ) {}

  static readonly empty = new WebhookAllowList([], new Set(), []);

  /** Throws an Error naming the first entry that is neither a CIDR, an address nor a host name. */
  static parse(text: string): WebhookAllowList {
    const ranges: [Address, number][] = [];
    const names = new Set<string>();
    const suffixes: string[] = [];
    for (const raw of text.split(',')) {
      const entry = raw.trim();
      if (!entry) continue;
      if (entry.includes('/')) {
        if (!isCidr(entry)) throw new Error(`'${entry}' is not a CIDR (like 10.20.0.0/16 or fd12::/16)`);
        ranges.push(ipaddr.parseCIDR(entry));
      } else if (isIP(entry)) {
        const ip = ipaddr.parse(entry);
        ranges.push([ip, ip.kind() === 'ipv4' ? 32 : 128]);
      } else {
        const name = normalizeHostName(entry);
        if (!HOST_NAME.test(name) || /^[\d.]+$/.test(name))
          throw new Error(`'${entry}' is neither a CIDR (10.20.0.0/16), an address (127.0.0.1, ::1) nor a host name (hooks.internal, *.corp.example)`);
        if (name.startsWith('*.')) suffixes.push(name.slice(1));
        else names.add(name);
      }
    }
    return new WebhookAllowList(ranges, names, suffixes);
  }

  get isEmpty(): boolean {
    return this.ranges.length === 0 && this.names.size === 0 && this.suffixes.length === 0;
  }

  /** A metadata address is allowed only by an entry for exactly that address (a /32 or /128), never by a wider range. */
  allowsAddress(address: string, metadata: boolean): boolean {
    const forms = [ipaddr.parse(address), ipaddr.process(address)];
    return this.ranges.some(([net, bits]) => {
      if (metadata && bits !== (net.kind() === 'ipv4' ? 32 : 128)) return false;
      return forms.some((ip) => ip.kind() === net.kind() && ip.match(net, bits));
    });
  }

  /** A metadata host name is allowed only by its own entry, not by a wildcard. */
  allowsName(hostname: string): boolean {
    const name = normalizeHostName(hostname);
    if (this.names.has(name)) return true;
    return !METADATA_HOST_NAMES.has(name) && this.suffixes.some((s) => name.endsWith(s));
  }
}

function isCidr(entry: string): boolean {
  const [address, bits] = entry.split('/');
  return isIP(address) !== 0 && /^\d{1,3}$/.test(bits ?? '') && ipaddr.isValidCIDR(entry);
}

/** The host of a URL as a resolver or an address parser takes it: IPv6 without its brackets. */
function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export type DestinationCheck =
  /** Where to connect: the request must use these addresses and no others (pinned). */
  | { ok: true; addresses: ResolvedAddress[] }
  /** Refused by the policy: `reason` names the host, the address and its kind. */
  | { ok: false; refused: true; reason: string }
  /** The host name does not resolve (now): nothing to judge. */
  | { ok: false; refused: false; reason: string };

/**
 * The webhook destination policy: a receiver must be a public address, unless the
 * allow-list names it. Host names are resolved and every address they have is judged,
 * at create time and again before each delivery, which then connects to exactly the
 * addresses judged (DNS rebinding cannot slip another address in between).
 */
export class WebhookDestinations {
  constructor(
    readonly allow: WebhookAllowList,
    private readonly resolve: WebhookResolver,
    /** How long resolving may take before the check gives up (the webhook timeout). */
    private readonly resolveTimeoutMs: number,
  ) {}

  async check(url: string, signal?: AbortSignal): Promise<DestinationCheck> {
    const host = hostOf(new URL(url));
    if (isIP(host)) {
      const refusal = this.refusal(host);
      return refusal
        ? { ok: false, refused: true, reason: `${host} is ${refusal}` }
        : { ok: true, addresses: [{ address: host, family: isIP(host) === 6 ? 6 : 4 }] };
    }
    const allowedName = this.allow.allowsName(host);
    if (!allowedName && METADATA_HOST_NAMES.has(normalizeHostName(host))) return { ok: false, refused: true, reason: `${host} is a cloud metadata host name` };
    let addresses: ResolvedAddress[];
    try {
      addresses = await this.resolveWithin(host, signal);
    } catch (err) {
      if (signal?.aborted) throw err;
      return { ok: false, refused: false, reason: describeResolveError(err, host) };
    }
    if (addresses.length === 0) return { ok: false, refused: false, reason: `${host} resolves to no address` };
    if (!allowedName) {
      for (const { address } of addresses) {
        const refusal = this.refusal(address);
        if (refusal) return { ok: false, refused: true, reason: `${host} resolves to ${address}, ${refusal}` };
      }
    }
    return { ok: true, addresses };
  }

  /** Why `address` is refused (its kind), or undefined when it may be connected to. */
  private refusal(address: string): string | undefined {
    const cls = classifyAddress(address);
    if (!cls || this.allow.allowsAddress(address, cls.metadata)) return undefined;
    return cls.kind;
  }

  private resolveWithin(host: string, signal?: AbortSignal): Promise<ResolvedAddress[]> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new ResolveTimeout(host, this.resolveTimeoutMs)), this.resolveTimeoutMs);
      const onAbort = () => reject(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      if (signal?.aborted) onAbort();
      this.resolve(host)
        .then(resolve, reject)
        .finally(() => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', onAbort);
        });
    });
  }
}

class ResolveTimeout extends Error {
  constructor(host: string, ms: number) {
    super(`${host} did not resolve within ${ms} ms`);
  }
}

function describeResolveError(err: unknown, host: string): string {
  if (err instanceof ResolveTimeout) return err.message;
  const e = err as { code?: string; message?: string };
  if (e?.code) return `${e.code}: ${e.message ?? `cannot resolve ${host}`}`;
  return `cannot resolve ${host}: ${e?.message ?? String(err)}`;
}
