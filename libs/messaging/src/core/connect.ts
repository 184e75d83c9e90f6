import { connect, Events, type NatsConnection } from 'nats';
import { setJetStreamReplicas } from './jetstream';
import { type MessagingLogger, silentLogger } from './logger';

export interface ConnectOptions {
  /** One URL, a comma-separated list (NATS_URL of a cluster), or an array of either. */
  servers: string | string[];
  /** Connection name shown by the server (`<service>@<nodeId>`). */
  name: string;
  logger?: MessagingLogger;
  /**
   * `service`: wait for the server at start and reconnect forever (nats.js gives up
   * after 10 attempts by default, and sends keep failing once the broker is back).
   * `test`: fail fast so a missing broker is an immediate, clear error; once connected,
   * ride out a broker restart of up to ~15 s (fault tests restart it under a harness).
   */
  mode?: 'service' | 'test';
  user?: string;
  pass?: string;
  /** Default replicas of the streams and buckets created over this connection (ensureKv, ensureStream). */
  jetStreamReplicas?: number;
}

/**
 * Every server URL in `servers`, a comma-separated list split up: nats.js would take
 * `nats://a:4222,nats://b:4222` as one (invalid) URL, and a client that knows only one
 * node of a cluster cannot reach the others while that node is down at its start.
 */
export function serverList(servers: string | string[]): string[] {
  return [servers]
    .flat()
    .flatMap((s) => s.split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

export async function connectNats(opts: ConnectOptions): Promise<NatsConnection> {
  const logger = opts.logger ?? silentLogger;
  const service = (opts.mode ?? 'service') === 'service';
  const nc = await connect({
    servers: serverList(opts.servers),
    name: opts.name,
    user: opts.user,
    pass: opts.pass,
    maxReconnectAttempts: service ? -1 : 30,
    reconnectTimeWait: service ? 1000 : 500,
    waitOnFirstConnect: service,
    timeout: service ? 20_000 : 2_000,
  });
  if (opts.jetStreamReplicas !== undefined) setJetStreamReplicas(nc, opts.jetStreamReplicas);
  logger.info('connected to NATS', { server: nc.getServer(), name: opts.name });
  void logStatus(nc, logger);
  return nc;
}

async function logStatus(nc: NatsConnection, logger: MessagingLogger): Promise<void> {
  for await (const s of nc.status()) {
    const context = { event: s.type, data: typeof s.data === 'object' ? JSON.stringify(s.data) : String(s.data) };
    if (s.type === Events.Disconnect || s.type === Events.Error) logger.warn('NATS connection status', context);
    else if (s.type === Events.Reconnect) logger.info('NATS reconnected', context);
  }
}
