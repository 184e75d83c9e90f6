import { Injectable } from '@nestjs/common';
import { CLIENT_CA_ALIAS, type StoredKeystoreEntry } from '@certgate/contracts';
import { parseCertificates, toPemBundle } from '@certgate/x509';
import { createClientCa } from '../provisioning/tenant-keys';
import { SelfRenewal } from '../system-key/self-renewal';

/**
 * The tenant client CA renews itself CERTGATE_CLIENT_CA_RENEW_BEFORE_DAYS before it
 * expires: a new CA key and certificate issue every certificate from then on, and the
 * CA certificate it replaces stays in the entry's chain, after the new one, until it
 * expires, so the ingress keeps trusting the certificates it issued (none outlives it).
 */
@Injectable()
export class ClientCaRenewal extends SelfRenewal {
  protected readonly what = 'tenant client CA';

  protected alias(): string {
    return CLIENT_CA_ALIAS;
  }

  protected leadDays(): number {
    return this.env.CERTGATE_CLIENT_CA_RENEW_BEFORE_DAYS;
  }

  protected async successor(current: StoredKeystoreEntry, now: Date): Promise<StoredKeystoreEntry> {
    const fresh = await createClientCa({ tenant: this.env.CERTGATE_TENANT, vault: this.vault, now });
    // The CA being replaced, and none older: the certificates of an earlier one expired with it.
    const [previous] = parseCertificates(current.chainPem);
    return { ...fresh, chainPem: toPemBundle([...parseCertificates(fresh.chainPem), previous]) };
  }
}
