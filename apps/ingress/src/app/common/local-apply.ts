/** How long a write waits for its own replica to have it in force before answering anyway. */
const APPLY_WAIT_MS = 2_000;

/**
 * A write through the API answers once this replica's KV watch has put it in force, so
 * a sender can connect right after the answer. The owner calls `changed()` whenever its
 * projection applied something; `until` resolves at the first of those (or at once) where
 * the condition holds, or after APPLY_WAIT_MS: the KV holds the write either way, and
 * every replica applies it from its watch.
 */
export class LocalApply {
  private readonly waiters = new Set<() => void>();

  until(applied: () => boolean): Promise<void> {
    if (applied()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const check = () => {
        if (applied()) done();
      };
      const timer = setTimeout(done, APPLY_WAIT_MS);
      this.waiters.add(check);
    });
  }

  changed(): void {
    for (const check of [...this.waiters]) check();
  }
}
