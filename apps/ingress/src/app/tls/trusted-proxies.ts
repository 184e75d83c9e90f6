import { BlockList, isIP } from 'node:net';
import type { IngressEnv } from '../ingress-env';
import type { ConnectionFacts } from './connection';

/**
 * Which connections come from a trusted TLS-terminating proxy: by source address
 * (INGRESS_TRUSTED_PROXIES) and, when INGRESS_TRUSTED_PROXY_CERTS is set, by the proxy's
 * own client certificate as well, pinned by fingerprint (whatever its chain: the
 * handshake proved the proxy holds its key).
 */
export class TrustedProxies {
  private readonly addresses = new BlockList();
  private readonly fingerprints: ReadonlySet<string>;
  readonly enabled: boolean;

  constructor(env: Pick<IngressEnv, 'INGRESS_TRUSTED_PROXIES' | 'INGRESS_TRUSTED_PROXY_CERTS'>) {
    for (const entry of env.INGRESS_TRUSTED_PROXIES) {
      const [address, prefix] = entry.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.addresses.addAddress(address, type);
      else this.addresses.addSubnet(address, Number(prefix), type);
    }
    this.fingerprints = new Set(env.INGRESS_TRUSTED_PROXY_CERTS);
    this.enabled = env.INGRESS_TRUSTED_PROXIES.length > 0;
  }

  isProxy(connection: ConnectionFacts): boolean {
    if (!this.enabled) return false;
    const type = isIP(connection.ip) === 6 ? 'ipv6' : 'ipv4';
    if (!this.addresses.check(connection.ip, type)) return false;
    if (this.fingerprints.size === 0) return true;
    const identity = connection.identity;
    return identity.kind !== 'none' && this.fingerprints.has(identity.certificate.fingerprint);
  }
}
