import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { SystemKeyState } from '@certgate/authz';
import type { StoredKeystoreEntry } from '@certgate/contracts';
import { HealthResponder } from '@certgate/messaging';
import { SERVICE_ENV } from '@certgate/platform';
import type { FlowRuntimeEnv } from '../flow-runtime-env';
import { KeystoreEntries } from './keystore-entries';
import { NO_SYSTEM_KEY, systemKeyState, systemKeyWindow, type SystemKeyWindow } from './system-key-state';

/** Whether the tenant system key pair exists, read from the watched keystore entries; its validity is judged per request. */
@Injectable()
export class SystemKeyCache implements OnModuleInit {
  private seen?: StoredKeystoreEntry;
  private window: SystemKeyWindow = NO_SYSTEM_KEY;

  constructor(
    private readonly entries: KeystoreEntries,
    @Inject(SERVICE_ENV) private readonly env: FlowRuntimeEnv,
    private readonly health: HealthResponder,
  ) {}

  get alias(): string {
    return this.env.CERTGATE_SYSTEM_KEY_ALIAS;
  }

  onModuleInit(): void {
    // Up either way: a missing key pair is a tenant state (trial plan), reported here, not a broken replica.
    this.health.register('cache.system-key', () => {
      const state = this.state(Date.now());
      return { status: 'up', message: `key pair '${state.alias}' ${state.valid ? 'valid' : state.present ? 'expired or not yet valid' : 'absent'}` };
    });
  }

  /** Newest keystore bucket revision applied to this replica's copy. */
  get revision(): number {
    return this.entries.revision;
  }

  state(now: number): SystemKeyState {
    const entry = this.entries.entry(this.alias);
    if (entry !== this.seen) {
      this.seen = entry;
      this.window = systemKeyWindow(entry);
    }
    return systemKeyState(this.alias, this.window, now);
  }
}
