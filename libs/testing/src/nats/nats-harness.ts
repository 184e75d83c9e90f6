import type { NatsConnection } from 'nats';
import { connectNats, removeTenantResources } from '@certgate/messaging';
import { dockerNatsAvailable, NATS_TEST_IMAGE, useLocalTestcontainers } from './docker-engine';
import { uniqueTenant } from './tenant';
import { errorMessage } from '@certgate/contracts';

export interface NatsHarness {
  /** Where the suite's services connect, with credentials when the server needs them. */
  url: string;
  user?: string;
  pass?: string;
  /** `container`: a NATS of this suite's own; `url`: the shared server at NATS_URL. */
  source: 'container' | 'url';
  tenant: string;
  nc: NatsConnection;
  /** Env vars for services launched against this harness. */
  env: Record<string, string>;
  /** Removes the tenant's buckets and streams, closes the connection, stops a container. */
  stop(): Promise<void>;
}

export interface NatsHarnessOptions {
  label?: string;
  /** `auto` (default): a container when a Docker engine with the image answers, else NATS_URL. */
  prefer?: 'auto' | 'container' | 'url';
  /** A server of the caller's own (e.g. `startNatsProcess()`); implies `prefer: 'url'`. */
  url?: string;
}

/**
 * A real NATS for a suite. Testcontainers' NATS module when Docker can run it, else
 * the server at NATS_URL (default nats://127.0.0.1:4222) under a unique tenant, so the
 * suite sees nothing of other runs and removes everything it created.
 */
export async function startNatsHarness(opts: NatsHarnessOptions = {}): Promise<NatsHarness> {
  const tenant = uniqueTenant(opts.label);
  const prefer = opts.prefer ?? (process.env.CERTGATE_TEST_NATS as NatsHarnessOptions['prefer']) ?? 'auto';
  if (opts.url === undefined && (prefer === 'container' || (prefer === 'auto' && (await dockerNatsAvailable())))) {
    return startContainer(tenant);
  }
  const url = opts.url ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const nc = await connectOrExplain(url);
  return {
    url,
    source: 'url',
    tenant,
    nc,
    env: { NATS_URL: url, CERTGATE_TENANT: tenant },
    stop: async () => {
      await removeTenantResources(nc, tenant);
      await nc.drain();
    },
  };
}

async function startContainer(tenant: string): Promise<NatsHarness> {
  useLocalTestcontainers();
  const { NatsContainer } = await import('@testcontainers/nats');
  const container = await new NatsContainer(NATS_TEST_IMAGE).withJetStream().start();
  try {
    const url = `nats://${container.getHost()}:${container.getMappedPort(4222)}`;
    const { user, pass } = container.getConnectionOptions();
    const nc = await connectNats({ servers: url, name: `test-${tenant}`, mode: 'test', user, pass });
    return {
      url,
      user,
      pass,
      source: 'container',
      tenant,
      nc,
      env: { NATS_URL: url, CERTGATE_TENANT: tenant, ...(user ? { NATS_USER: user } : {}), ...(pass ? { NATS_PASS: pass } : {}) },
      stop: async () => {
        await nc.close();
        await container.stop();
      },
    };
  } catch (err) {
    await container.stop();
    throw err;
  }
}

async function connectOrExplain(url: string): Promise<NatsConnection> {
  try {
    return await connectNats({ servers: url, name: 'certgate-test', mode: 'test' });
  } catch (err) {
    throw new Error(`no NATS server answers at ${url} (${errorMessage(err)}). Start one with JetStream: nats-server -js, or set NATS_URL`, { cause: err });
  }
}
