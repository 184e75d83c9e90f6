import { Injectable, Logger } from '@nestjs/common';
import { KeystoreRpc, type KeyMaterial } from '@certgate/contracts';
import { CertgateClient } from '@certgate/messaging';
import { createRecipientKey, openFromSender } from '@certgate/x509';
import { KeystoreEntries } from '../state/keystore-entries';
import { ReceiverFailure, describeKeyMaterialError } from './receiver-failure';

/** A key pair ready to present: the chain (leaf first) and the private key, in memory only. */
export interface ClientKey {
  readonly alias: string;
  /** SHA-256 of the leaf, as the keystore names it. */
  readonly fingerprint: string;
  readonly chainPem: string;
  readonly keyPem: string;
}

interface Slot {
  /** The keystore generation the request was made in; a change of the alias since then drops it. */
  readonly pending: Promise<ClientKey>;
  settled?: ClientKey;
}

/**
 * The key pairs this replica presents to receivers, fetched from the keystore once per
 * alias and kept in memory until the alias' entry changes in the keystore bucket (new
 * chain, renewal, rename, deletion). Each fetch sends a one-time X25519 public key;
 * the private key comes back sealed to it, so only this replica can open it.
 */
@Injectable()
export class ClientKeys {
  private readonly logger = new Logger('client-keys');
  private readonly slots = new Map<string, Slot>();
  private readonly listeners: ((alias: string) => void)[] = [];

  constructor(
    private readonly rpc: CertgateClient,
    private readonly entries: KeystoreEntries,
  ) {
    entries.onChange((alias) => this.forget(alias));
  }

  /**
   * The key pair under `alias`. Fails with the reason when the keystore has no key pair
   * there (judged from the watched bucket first: no request for a flow that cannot work)
   * or does not answer within `timeoutMs`.
   */
  get(alias: string, timeoutMs: number): Promise<ClientKey> {
    const slot = this.slots.get(alias);
    if (slot) return slot.settled ? Promise.resolve(slot.settled) : slot.pending;
    const entry = this.entries.entry(alias);
    if (!entry) return Promise.reject(new ReceiverFailure(`no key pair with alias '${alias}' in the keystore`));
    if (entry.kind !== 'key-pair')
      return Promise.reject(
        new ReceiverFailure(`no key pair with alias '${alias}' in the keystore: '${alias}' is a trusted certificate, without a private key`),
      );

    const fresh: Slot = { pending: this.fetch(alias, timeoutMs) };
    this.slots.set(alias, fresh);
    fresh.pending.then(
      (key) => {
        // Kept only if nothing changed meanwhile and it is the stored pair, not an older one.
        if (this.slots.get(alias) === fresh && this.entries.entry(alias)?.fingerprint === key.fingerprint) fresh.settled = key;
        else if (this.slots.get(alias) === fresh) this.slots.delete(alias);
      },
      () => {
        // A failure is not cached: the next message asks again.
        if (this.slots.get(alias) === fresh) this.slots.delete(alias);
      },
    );
    return fresh.pending;
  }

  /** Called with the alias whenever a key pair is dropped, so derived TLS contexts go too. */
  onForget(listener: (alias: string) => void): void {
    this.listeners.push(listener);
  }

  private forget(alias: string): void {
    if (this.slots.delete(alias)) this.logger.log({ msg: 'key pair changed in the keystore; fetched again at its next use', alias });
    for (const listener of this.listeners) listener(alias);
  }

  private async fetch(alias: string, timeoutMs: number): Promise<ClientKey> {
    const recipient = createRecipientKey();
    let material: KeyMaterial;
    try {
      material = await this.rpc.request(KeystoreRpc.keyMaterial, { alias, recipientPublicKey: recipient.publicKey }, { timeoutMs });
    } catch (err) {
      throw new ReceiverFailure(describeKeyMaterialError(err, alias), { cause: err });
    }
    if (material.alias !== alias) throw new ReceiverFailure(`the keystore answered for key pair '${material.alias}' when asked for '${alias}'`);
    let keyPem: string;
    try {
      keyPem = openFromSender(recipient, alias, material.privateKey);
    } catch (err) {
      // X509Error's message names the alias and the failure, never the key.
      throw new ReceiverFailure(err instanceof Error ? err.message : `the key material of '${alias}' cannot be opened`);
    }
    this.logger.log({ msg: 'key pair fetched from the keystore for receiver calls', alias, fingerprint: material.fingerprint });
    return { alias, fingerprint: material.fingerprint, chainPem: material.chainPem, keyPem };
  }
}
