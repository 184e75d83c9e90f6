import { certificateMappingSchema, ClassicKv, groupSchema, storedUserSchema } from '@certgate/contracts';
import type { ApplyResult, Principal } from './types';

/** One user name: what it holds directly, the groups listing it, and its principal (built on first lookup). */
interface UserSlot {
  direct: ReadonlySet<string>;
  groups: Set<string>;
  /** Fingerprints mapped to this user. */
  mappings: Set<string>;
  principal?: Principal;
}

interface GroupState {
  roles: ReadonlySet<string>;
  users: ReadonlySet<string>;
}

const NO_ROLES: ReadonlySet<string> = new Set();

/**
 * Classic mode (design §4): certificate fingerprint → certificate-to-user mapping →
 * user → roles held directly or through groups, built from the identity bucket
 * (`ClassicKv` layout) one KV change at a time. A mapping or user change costs O(1),
 * a group change O(its members). Pure: no I/O, no clock.
 *
 * Fails closed: a value that does not match its schema, or is stored under a key that
 * does not name it, counts as absent (a broken group grants nothing, a broken mapping
 * maps nothing).
 */
export class ClassicDirectory {
  /** fingerprint → user */
  private readonly mappings = new Map<string, string>();
  /** `user.<token>` KV key → user name (the key token encodes the name). */
  private readonly userKeys = new Map<string, string>();
  private readonly users = new Map<string, UserSlot>();
  private readonly groups = new Map<string, GroupState>();

  apply(kvKey: string, value: unknown): ApplyResult {
    if (kvKey.startsWith(ClassicKv.prefixes.mapping)) return this.applyMapping(kvKey, value);
    if (kvKey.startsWith(ClassicKv.prefixes.user)) return this.applyUser(kvKey, value);
    if (kvKey.startsWith(ClassicKv.prefixes.group)) return this.applyGroup(kvKey, value);
    return 'ignored';
  }

  /** The user a certificate is mapped to, with its roles; undefined when it is not mapped. */
  byFingerprint(fingerprint: string): Principal | undefined {
    const name = this.mappings.get(fingerprint);
    if (name === undefined) return undefined;
    const slot = this.users.get(name);
    if (!slot) return undefined;
    slot.principal ??= { name, kind: 'user', roles: this.rolesOf(slot) };
    return slot.principal;
  }

  get size(): { mappings: number; users: number; groups: number } {
    return { mappings: this.mappings.size, users: this.users.size, groups: this.groups.size };
  }

  private applyMapping(kvKey: string, value: unknown): ApplyResult {
    const fingerprint = kvKey.slice(ClassicKv.prefixes.mapping.length);
    this.unmap(fingerprint);
    if (value === undefined) return 'applied';
    const parsed = certificateMappingSchema.safeParse(value);
    if (!parsed.success || parsed.data.id !== fingerprint || parsed.data.certificate.fingerprint !== fingerprint) return 'invalid';
    this.mappings.set(fingerprint, parsed.data.user);
    this.slot(parsed.data.user).mappings.add(fingerprint);
    return 'applied';
  }

  private unmap(fingerprint: string): void {
    const user = this.mappings.get(fingerprint);
    if (user === undefined) return;
    this.mappings.delete(fingerprint);
    const slot = this.users.get(user);
    slot?.mappings.delete(fingerprint);
    this.dropIfUnused(user);
  }

  private applyUser(kvKey: string, value: unknown): ApplyResult {
    const previous = this.userKeys.get(kvKey);
    if (previous !== undefined) {
      this.userKeys.delete(kvKey);
      this.setDirect(previous, NO_ROLES);
    }
    if (value === undefined) return 'applied';
    const parsed = storedUserSchema.safeParse(value);
    if (!parsed.success || ClassicKv.user(parsed.data.name) !== kvKey) return 'invalid';
    this.userKeys.set(kvKey, parsed.data.name);
    this.setDirect(parsed.data.name, new Set(parsed.data.roles));
    return 'applied';
  }

  private setDirect(name: string, roles: ReadonlySet<string>): void {
    const slot = this.slot(name);
    slot.direct = roles;
    slot.principal = undefined;
    this.dropIfUnused(name);
  }

  private applyGroup(kvKey: string, value: unknown): ApplyResult {
    const name = kvKey.slice(ClassicKv.prefixes.group.length);
    const old = this.groups.get(name);
    this.groups.delete(name);
    const parsed = value === undefined ? undefined : groupSchema.safeParse(value);
    const group = parsed?.success && parsed.data.name === name ? parsed.data : undefined;
    const now: GroupState | undefined = group && { roles: new Set(group.roles), users: new Set(group.users) };
    if (now) this.groups.set(name, now);
    // Everyone who was or is a member holds something else now.
    for (const user of old?.users ?? []) {
      if (now?.users.has(user)) continue;
      const slot = this.users.get(user);
      slot?.groups.delete(name);
      if (slot) slot.principal = undefined;
      this.dropIfUnused(user);
    }
    for (const user of now?.users ?? []) {
      const slot = this.slot(user);
      slot.groups.add(name);
      slot.principal = undefined;
    }
    return value !== undefined && !group ? 'invalid' : 'applied';
  }

  private rolesOf(slot: UserSlot): ReadonlySet<string> {
    if (slot.groups.size === 0) return slot.direct;
    const roles = new Set(slot.direct);
    for (const group of slot.groups) for (const role of this.groups.get(group)?.roles ?? []) roles.add(role);
    return roles;
  }

  private slot(name: string): UserSlot {
    let slot = this.users.get(name);
    if (!slot) {
      slot = { direct: NO_ROLES, groups: new Set(), mappings: new Set() };
      this.users.set(name, slot);
    }
    return slot;
  }

  /** A user nothing refers to any more is forgotten. */
  private dropIfUnused(name: string): void {
    const slot = this.users.get(name);
    if (slot && slot.direct === NO_ROLES && slot.groups.size === 0 && slot.mappings.size === 0) this.users.delete(name);
  }
}
