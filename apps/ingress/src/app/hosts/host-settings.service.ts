import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  Buckets,
  CertgateError,
  ErrorCode,
  IngressKv,
  LIMITS,
  storedHostsSchema,
  type HostSettings,
  type HostView,
  type StoredHosts,
} from '@certgate/contracts';
import { KvBuckets, nestMessagingLogger, type KvProjection } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { Certificate } from '@certgate/x509';
import { LocalApply } from '../common/local-apply';
import type { IngressEnv } from '../ingress-env';
import type { EffectiveRoots } from '../trusted-roots/effective-roots';

const CAS_ATTEMPTS = 32;
/** Host names with settings of their own: each gets a TLS context. */
const MAX_HOSTS = LIMITS.trustedRoots;

/** A host name's roots resolved against those in force. */
export interface HostTrust {
  hostName: string;
  /** Its roots among those in force, each once; the TLS context's CA list and the review's anchors. */
  anchors: readonly Certificate[];
}

/**
 * Custom domains: per ingress host name (the SNI a sender asks for), which trusted roots
 * count and whether a client certificate is required. One object in the ingress bucket,
 * projected by every replica. A host name without settings, and a connection without
 * SNI, get the defaults: every trusted root, INGRESS_CLIENT_CERT.
 */
@Injectable()
export class HostSettingsService implements OnModuleInit {
  private readonly stored = this.buckets.bucket(Buckets.ingress).repository(storedHostsSchema, 'host settings');
  private projection?: KvProjection<StoredHosts>;
  private readonly listeners: (() => void)[] = [];
  private readonly applied = new LocalApply();

  constructor(
    @Inject(SERVICE_ENV) private readonly env: IngressEnv,
    private readonly buckets: KvBuckets,
  ) {}

  async onModuleInit(): Promise<void> {
    this.projection = await this.buckets.project(Buckets.ingress, {
      key: IngressKv.hosts,
      schema: storedHostsSchema,
      logger: nestMessagingLogger('hosts'),
      onChange: () => {
        for (const listener of [...this.listeners]) listener();
        this.applied.changed();
      },
    });
  }

  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  list(): HostView[] {
    return Object.entries(this.current())
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([hostName, settings]) => ({ hostName, ...settings }));
  }

  /** The settings that apply to `servername`: its own, else those of `*.<parent>`, else none. */
  settingsFor(servername: string | false | null | undefined): { hostName: string; settings: HostSettings } | undefined {
    if (!servername) return undefined;
    const hosts = this.current();
    const name = servername.toLowerCase();
    if (hosts[name]) return { hostName: name, settings: hosts[name] };
    const dot = name.indexOf('.');
    const wildcard = dot > 0 ? `*${name.slice(dot)}` : undefined;
    return wildcard && hosts[wildcard] ? { hostName: wildcard, settings: hosts[wildcard] } : undefined;
  }

  /** Whether `servername` requires a verified client certificate (its own setting, else INGRESS_CLIENT_CERT). */
  requiredFor(servername: string | false | null | undefined): boolean {
    return (this.settingsFor(servername)?.settings.clientCert ?? this.env.INGRESS_CLIENT_CERT) === 'required';
  }

  /** What `servername` trusts and demands, with `roots` in force; undefined: the defaults. */
  trustFor(servername: string | false | null | undefined, roots: EffectiveRoots): HostTrust | undefined {
    const match = this.settingsFor(servername);
    return match && resolve(match.hostName, match.settings, roots);
  }

  /** Every host name with settings, resolved: one TLS context each. */
  all(roots: EffectiveRoots): HostTrust[] {
    return Object.entries(this.current()).map(([hostName, settings]) => resolve(hostName, settings, roots));
  }

  async put(hostName: string, settings: HostSettings): Promise<HostView> {
    if (this.env.INGRESS_CLIENT_CERT === 'required' && settings.clientCert === 'optional') {
      throw new CertgateError(
        ErrorCode.validationFailed,
        `clientCert: this ingress runs with INGRESS_CLIENT_CERT=required, which every host name keeps; a host name can only be stricter`,
        { field: 'clientCert' },
      );
    }
    const written = await this.stored.modify(
      IngressKv.hosts,
      (current) => {
        const hosts = { ...current?.hosts, [hostName]: settings };
        if (Object.keys(hosts).length > MAX_HOSTS) {
          throw new CertgateError(ErrorCode.validationFailed, `hostName: at most ${MAX_HOSTS} host names have settings of their own`, { field: 'hostName' });
        }
        return { hosts, updatedAt: new Date().toISOString() };
      },
      { what: 'the host settings', attempts: CAS_ATTEMPTS },
    );
    await this.applied.until(() => this.projection?.get(IngressKv.hosts)?.updatedAt === written?.updatedAt);
    return { hostName, ...settings };
  }

  async remove(hostName: string): Promise<void> {
    const written = await this.stored.modify(
      IngressKv.hosts,
      (current) => {
        if (!current?.hosts[hostName]) throw new CertgateError(ErrorCode.hostNotFound, `the host name '${hostName}' has no settings of its own`, { hostName });
        const { [hostName]: _removed, ...hosts } = current.hosts;
        return { hosts, updatedAt: new Date().toISOString() };
      },
      { what: 'the host settings', attempts: CAS_ATTEMPTS },
    );
    await this.applied.until(() => this.projection?.get(IngressKv.hosts)?.updatedAt === written?.updatedAt);
  }

  private current(): Record<string, HostSettings> {
    return this.projection?.get(IngressKv.hosts)?.hosts ?? {};
  }
}

function resolve(hostName: string, settings: HostSettings, roots: EffectiveRoots): HostTrust {
  const wanted = settings.roots && new Set(settings.roots);
  return {
    hostName,
    anchors: wanted ? roots.anchors.filter((c) => wanted.has(c.fingerprint)) : roots.anchors,
  };
}
