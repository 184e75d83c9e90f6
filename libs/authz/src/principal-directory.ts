import {
  GRANT_TYPES,
  IdentityKv,
  serviceInstanceSchema,
  storedServiceKeySchema,
  type GrantType,
  type ServiceInstance,
  type StoredServiceKey,
} from '@certgate/contracts';
import { ClassicDirectory } from './classic-directory';
import type { ApplyResult, Principal } from './types';

/** What a basic-auth client id resolves to: the principal (if its instance exists) and the stored secret hash. */
export interface ClientEntry {
  principal?: Principal;
  /** SHA-256 (hex) of the client secret; absent for certificate keys. */
  secretHash?: string;
}

export interface PrincipalDirectoryOptions {
  /**
   * `classic` (design §4): a certificate resolves only through its certificate-to-user
   * mapping, never through a service key, so deleting a mapping always locks the
   * certificate out. Client ids (basic auth) resolve to service keys in both modes.
   */
  mode?: 'standard' | 'classic';
}

/** One instance name: its identity when its value is present, and the keys that name it (they may arrive first). */
interface InstanceSlot {
  present: boolean;
  roles: ReadonlySet<string>;
  grantType?: GrantType;
  /** KV keys (`key.<instance>.<key>`) of the keys that name this instance. */
  keys: Set<string>;
}

interface KeyState {
  key: StoredServiceKey;
  /** Rebuilt when the key or its instance changes, so a lookup allocates nothing. */
  principal?: Principal;
}

/**
 * Who a certificate fingerprint or a client id stands for, built from the identity
 * bucket (`IdentityKv` layout) one KV change at a time. A key change costs O(1), an
 * instance change O(keys of that instance), so a replica keeps it current from a KV
 * watch without rebuilding anything. Pure: no I/O, no clock. In classic mode a
 * certificate resolves through the `ClassicKv` mappings instead (`ClassicDirectory`).
 *
 * Fails closed: a key whose instance is missing or malformed has no principal; a
 * value that does not match its schema counts as absent; a fingerprint or client id
 * held by more than one key (which identity's uniqueness index rules out) resolves
 * to nobody rather than to a guess.
 */
export class PrincipalDirectory {
  private readonly instances = new Map<string, InstanceSlot>();
  private readonly keys = new Map<string, KeyState>();
  private readonly fingerprints = new Map<string, Set<string>>();
  private readonly clientIds = new Map<string, Set<string>>();
  /** Mappings, users and groups: kept only in classic mode. */
  private readonly classic?: ClassicDirectory;

  constructor(options: PrincipalDirectoryOptions = {}) {
    if (options.mode === 'classic') this.classic = new ClassicDirectory();
  }

  /** Applies one KV change (`value` undefined for a delete or purge). Other prefixes (roles, the cert index) are ignored. */
  apply(kvKey: string, value: unknown): ApplyResult {
    if (kvKey.startsWith(IdentityKv.prefixes.instance)) return this.applyInstance(kvKey.slice(IdentityKv.prefixes.instance.length), value);
    if (kvKey.startsWith(IdentityKv.prefixes.key)) return this.applyKey(kvKey, value);
    return this.classic?.apply(kvKey, value) ?? 'ignored';
  }

  /** Standard mode: the service key holding the certificate. Classic mode: the user it is mapped to. */
  byFingerprint(fingerprint: string): Principal | undefined {
    if (this.classic) return this.classic.byFingerprint(fingerprint);
    const holder = only(this.fingerprints.get(fingerprint));
    return holder === undefined ? undefined : this.keys.get(holder)?.principal;
  }

  byClientId(clientid: string): ClientEntry | undefined {
    const holder = only(this.clientIds.get(clientid));
    const state = holder === undefined ? undefined : this.keys.get(holder);
    return state && { principal: state.principal, secretHash: state.key.secretHash };
  }

  /** Classic mode's counts (undefined in standard mode). */
  get classicSize(): { mappings: number; users: number; groups: number } | undefined {
    return this.classic?.size;
  }

  get size(): { instances: number; keys: number } {
    let instances = 0;
    for (const slot of this.instances.values()) if (slot.present) instances++;
    return { instances, keys: this.keys.size };
  }

  private applyInstance(name: string, value: unknown): ApplyResult {
    const parsed = value === undefined ? undefined : serviceInstanceSchema.safeParse(value);
    const instance = parsed?.success && parsed.data.name === name ? parsed.data : undefined;
    const slot = this.slot(name);
    slot.present = instance !== undefined;
    slot.roles = new Set(instance?.parameters.roles ?? []);
    slot.grantType = instance && grantTypeOf(instance);
    for (const kvKey of slot.keys) this.refreshPrincipal(kvKey, slot);
    this.dropIfEmpty(name, slot);
    return value !== undefined && !instance ? 'invalid' : 'applied';
  }

  private applyKey(kvKey: string, value: unknown): ApplyResult {
    this.removeKey(kvKey);
    if (value === undefined) return 'applied';
    const parsed = storedServiceKeySchema.safeParse(value);
    if (!parsed.success || IdentityKv.key(parsed.data.instance, parsed.data.name) !== kvKey) return 'invalid';
    const key = parsed.data;
    const slot = this.slot(key.instance);
    slot.keys.add(kvKey);
    this.keys.set(kvKey, { key });
    this.refreshPrincipal(kvKey, slot);
    if (key.certificate) addTo(this.fingerprints, key.certificate.fingerprint, kvKey);
    addTo(this.clientIds, key.clientid, kvKey);
    return 'applied';
  }

  private removeKey(kvKey: string): void {
    const old = this.keys.get(kvKey);
    if (!old) return;
    this.keys.delete(kvKey);
    if (old.key.certificate) removeFrom(this.fingerprints, old.key.certificate.fingerprint, kvKey);
    removeFrom(this.clientIds, old.key.clientid, kvKey);
    const slot = this.instances.get(old.key.instance);
    if (!slot) return;
    slot.keys.delete(kvKey);
    this.dropIfEmpty(old.key.instance, slot);
  }

  private slot(name: string): InstanceSlot {
    let slot = this.instances.get(name);
    if (!slot) {
      slot = { present: false, roles: new Set(), keys: new Set() };
      this.instances.set(name, slot);
    }
    return slot;
  }

  private dropIfEmpty(name: string, slot: InstanceSlot): void {
    if (!slot.present && slot.keys.size === 0) this.instances.delete(name);
  }

  private refreshPrincipal(kvKey: string, slot: InstanceSlot): void {
    const state = this.keys.get(kvKey);
    if (!state) return;
    state.principal = slot.present
      ? { name: state.key.clientid, kind: 'service-key', roles: slot.roles, ...(slot.grantType ? { grantType: slot.grantType } : {}) }
      : undefined;
  }
}

function grantTypeOf(instance: ServiceInstance): GrantType | undefined {
  const types = instance.parameters['grant-types'];
  return types.length === 1 && (GRANT_TYPES as readonly string[]).includes(types[0]) ? (types[0] as GrantType) : undefined;
}

function only(holders: Set<string> | undefined): string | undefined {
  if (!holders || holders.size !== 1) return undefined;
  return holders.values().next().value;
}

function addTo(index: Map<string, Set<string>>, id: string, kvKey: string): void {
  const set = index.get(id);
  if (set) set.add(kvKey);
  else index.set(id, new Set([kvKey]));
}

function removeFrom(index: Map<string, Set<string>>, id: string, kvKey: string): void {
  const set = index.get(id);
  if (!set) return;
  set.delete(kvKey);
  if (set.size === 0) index.delete(id);
}
