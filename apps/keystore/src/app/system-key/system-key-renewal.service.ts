import { Injectable } from '@nestjs/common';
import type { StoredKeystoreEntry } from '@certgate/contracts';
import { createSystemKeyPair } from '../provisioning/tenant-keys';
import { SelfRenewal } from './self-renewal';

export type { RenewalOutcome } from './self-renewal';

/**
 * The tenant system key pair renews itself CERTGATE_SYSTEM_KEY_RENEW_BEFORE_DAYS before
 * it expires: a new EC P-256 pair, made as at provisioning, replaces it under the same
 * alias, so certificate authentication to receivers never sees a gap.
 */
@Injectable()
export class SystemKeyRenewal extends SelfRenewal {
  protected readonly what = 'system key pair';

  protected alias(): string {
    return this.env.CERTGATE_SYSTEM_KEY_ALIAS;
  }

  protected leadDays(): number {
    return this.env.CERTGATE_SYSTEM_KEY_RENEW_BEFORE_DAYS;
  }

  protected successor(_current: StoredKeystoreEntry, now: Date): Promise<StoredKeystoreEntry> {
    return createSystemKeyPair({ alias: this.alias(), tenant: this.env.CERTGATE_TENANT, vault: this.vault, now });
  }
}
