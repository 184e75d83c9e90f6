import { connect, Events, type NatsConnection } from 'nats';
import { type MessagingLogger, silentLogger } from './logger';

export interface ConnectOptions {
  servers: string | string[];
  /** Connection name shown by the server (`<service>@<nodeId>`). */
  name: string;
  logger?: MessagingLogger;
  /**
   * `service`: wait for the server at start and reconnect forever (nats.js gives up
   * after 10 attempts by default, and sends keep failing once the broker is back).
   * `test`: fail fast so a missing broker is an immediate, clear error.
   */
  mode?: 'service' | 'test';
  user?: string;
  pass?: string;
}

export async function connectNats(opts: ConnectOptions): Promise<NatsConnection> {
  const logger = opts.logger ?? silentLogger;
  const service = (opts.mode ?? 'service') === 'service';
  const nc = await connect({
    servers: opts.servers,
    name: opts.name,
    user: opts.user,
    pass: opts.pass,
    maxReconnectAttempts: service ? -1 : 0,
    reconnectTimeWait: 1000,
    waitOnFirstConnect: service,
    timeout: service ? 20_000 : 2_000,
  });
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
