import { SigningKv, type ActiveSigningKey, type StoredSigningKey } from '@certgate/contracts';
import type { Versioned } from '@certgate/messaging';
import type { KeystoreRecords } from '../store/keystore-records';

type SigningKeyRecords = Pick<KeystoreRecords, 'signingKeys' | 'activeSigningKey'>;

/** The signing keys as read together, each with the revision it was read at: writes back are conditional on it. */
export interface SigningKeyState {
  active?: Versioned<ActiveSigningKey>;
  keys: Versioned<StoredSigningKey>[];
}

export async function readSigningKeys(records: SigningKeyRecords): Promise<SigningKeyState> {
  // The pointer first: a key is written before the pointer names it, so the keys listed after it include the one it names.
  const active = await records.activeSigningKey.get(SigningKv.active);
  const keys = (await records.signingKeys.list(SigningKv.keys)).filter((k) => k.key === SigningKv.key(k.value.kid));
  return { active, keys };
}

/** The key that signs now, in two reads: what every token request needs. */
export async function readActiveSigningKey(records: SigningKeyRecords): Promise<StoredSigningKey | undefined> {
  const active = await records.activeSigningKey.get(SigningKv.active);
  if (!active) return undefined;
  const key = await records.signingKeys.get(SigningKv.key(active.value.kid));
  return key?.value.kid === active.value.kid ? key.value : undefined;
}
