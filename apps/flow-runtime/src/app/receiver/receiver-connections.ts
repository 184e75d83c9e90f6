import { Agent } from 'node:https';
import { createSecureContext, type SecureContext } from 'node:tls';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { errorMessage } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import type { FlowRuntimeEnv } from '../flow-runtime-env';
import { ClientKeys, type ClientKey } from './client-keys';
import { ReceiverFailure } from './receiver-failure';
import { ReviewedAgent } from './reviewed-agent';
import { TrustStore } from './trust-store';

/** Idle kept-alive connections close before Node's default server keep-alive (5 s) would close them under us. */
const IDLE_SOCKET_MS = 4_000;
const MAX_IDLE_SOCKETS = 32;

/** A TLS context (client key pair, trusted certificates) and the keep-alive pool that uses only it. */
export interface ReceiverConnector {
  readonly agent: Agent;
  readonly trustedCount: number;
}

interface Pool extends ReceiverConnector {
  readonly key: ClientKey | undefined;
  readonly trustVersion: number;
}

/**
 * One connection pool per presented key pair (or none), each with its own TLS context.
 * Node's agent does not tell connections of different contexts apart, so a pool never
 * serves two. A pool is replaced when its key pair or the trusted certificates change:
 * its idle connections close at once (the next call makes a new handshake, verified
 * against the new trust), calls under way finish on theirs.
 */
@Injectable()
export class ReceiverConnections implements OnModuleDestroy {
  private readonly pools = new Map<string, Pool>();
  private readonly retired = new Set<Agent>();
  /** A replaced pool is closed once every call that may still use it has ended or timed out. */
  private readonly graceMs: number;

  constructor(
    private readonly keys: ClientKeys,
    private readonly trust: TrustStore,
    @Inject(SERVICE_ENV) env: FlowRuntimeEnv,
  ) {
    this.graceMs = env.RUNTIME_RECEIVER_TIMEOUT_MS + 1_000;
    keys.onForget((alias) => this.retire(alias));
  }

  /** The connector for a call presenting `alias` (undefined: no client certificate). */
  async connector(alias: string | undefined, keyTimeoutMs: number): Promise<ReceiverConnector> {
    const key = alias === undefined ? undefined : await this.keys.get(alias, keyTimeoutMs);
    const trusted = this.trust.trusted();
    const name = alias ?? '';
    const pool = this.pools.get(name);
    if (pool && pool.key === key && pool.trustVersion === trusted.version) return pool;
    if (pool) this.retire(name);
    const fresh: Pool = {
      key,
      trustVersion: trusted.version,
      trustedCount: trusted.pems.length,
      agent: newAgent(secureContext(key, trusted.pems), trusted.pems),
    };
    this.pools.set(name, fresh);
    return fresh;
  }

  onModuleDestroy(): void {
    for (const pool of this.pools.values()) pool.agent.destroy();
    for (const agent of this.retired) agent.destroy();
    this.pools.clear();
    this.retired.clear();
  }

  /** Idle connections close now; the pool itself once calls under way have had their time. */
  private retire(name: string): void {
    const pool = this.pools.get(name);
    if (!pool) return;
    this.pools.delete(name);
    const agent = pool.agent;
    for (const sockets of Object.values(agent.freeSockets)) for (const socket of sockets ?? []) socket.destroy();
    this.retired.add(agent);
    setTimeout(() => {
      agent.destroy();
      this.retired.delete(agent);
    }, this.graceMs).unref();
  }
}

/**
 * `ca` replaces Node's public CA list: only the keystore's trusted certificates count,
 * and an empty list trusts nothing. Host-name checking and chain verification stay on
 * (rejectUnauthorized, the default checkServerIdentity).
 */
function secureContext(key: ClientKey | undefined, ca: readonly string[]): SecureContext {
  try {
    return createSecureContext({ ca: [...ca], ...(key ? { cert: key.chainPem, key: key.keyPem } : {}) });
  } catch (err) {
    // OpenSSL's reason (e.g. "key values mismatch") names the problem, never the key.
    const reason = errorMessage(err).replace(/^error:[0-9A-F]+:[^:]*:[^:]*:/, '');
    throw new ReceiverFailure(
      key ? `key pair '${key.alias}' cannot be used for TLS: ${reason}` : `the keystore's trusted certificates cannot be used for TLS: ${reason}`,
    );
  }
}

function newAgent(context: SecureContext, trustedPems: readonly string[]): Agent {
  return new ReviewedAgent(
    { keepAlive: true, timeout: IDLE_SOCKET_MS, maxFreeSockets: MAX_IDLE_SOCKETS, secureContext: context, rejectUnauthorized: true },
    trustedPems,
  );
}
