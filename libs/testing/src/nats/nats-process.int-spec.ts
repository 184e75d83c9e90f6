import { existsSync } from 'node:fs';
import { Buckets } from '@certgate/contracts';
import { ensureKv } from '@certgate/messaging';
import { startNatsHarness } from './nats-harness';
import { natsServerBinary, startNatsProcess } from './nats-process';

(natsServerBinary() ? describe : describe.skip)("a nats-server process of the test's own", () => {
  it('serves JetStream with its store in the given directory, and stop removes it', async () => {
    const nats = await startNatsProcess();
    try {
      const harness = await startNatsHarness({ label: 'nats-process', url: nats.url });
      expect(harness).toMatchObject({ source: 'url', url: nats.url });
      await ensureKv(harness.nc, harness.tenant, Buckets.identity);
      expect(existsSync(`${nats.storeDir}/jetstream`)).toBe(true);
      await harness.stop();
    } finally {
      await nats.stop();
    }
    expect(existsSync(nats.storeDir)).toBe(false);
  });
});
