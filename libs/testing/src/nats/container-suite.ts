import { natsContainerUnavailable, NATS_TEST_IMAGE } from './docker-engine';
import { startNatsHarness, type NatsHarness } from './nats-harness';

/**
 * NATS for a service's container suite: a NATS container of its own from Testcontainers
 * (image NATS_TEST_IMAGE, with a user and password the service must use) when a Docker
 * engine can run one, else the server at NATS_URL. Prints which, and why not a container,
 * so a run without Docker says so instead of passing silently. CERTGATE_TEST_NATS=url
 * forces NATS_URL.
 */
export async function startContainerSuiteNats(service: string): Promise<NatsHarness> {
  const forced = process.env.CERTGATE_TEST_NATS === 'url' ? 'CERTGATE_TEST_NATS=url' : undefined;
  const reason = forced ?? (await natsContainerUnavailable());
  const h = await startNatsHarness({ label: `${service}-tc`, prefer: reason ? 'url' : 'container' });
  process.stdout.write(
    h.source === 'container'
      ? `${service} container suite: NATS in a Testcontainers container (${NATS_TEST_IMAGE}) at ${h.url}, user ${h.user}\n`
      : `${service} container suite: NATS at ${h.url}, not a container: ${reason}\n`,
  );
  return h;
}
