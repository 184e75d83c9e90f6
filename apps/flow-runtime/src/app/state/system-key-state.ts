import type { SystemKeyState } from '@certgate/authz';
import type { StoredKeystoreEntry } from '@certgate/contracts';

/** Validity window of the system key pair, parsed once per stored value. */
export interface SystemKeyWindow {
  present: boolean;
  notBefore: number;
  notAfter: number;
}

export const NO_SYSTEM_KEY: SystemKeyWindow = { present: false, notBefore: NaN, notAfter: NaN };

/** Only a key pair counts: a trusted certificate under the alias cannot authenticate anyone. */
export function systemKeyWindow(entry: StoredKeystoreEntry | undefined): SystemKeyWindow {
  if (!entry || entry.kind !== 'key-pair') return NO_SYSTEM_KEY;
  return { present: true, notBefore: Date.parse(entry.notBefore), notAfter: Date.parse(entry.notAfter) };
}

/**
 * Evaluated per request with the request's clock, so a key pair that expires while
 * nothing changes in KV stops certificate authentication at that moment. Unreadable
 * dates compare false: not valid.
 */
export function systemKeyState(alias: string, window: SystemKeyWindow, now: number): SystemKeyState {
  return { alias, present: window.present, valid: window.present && now >= window.notBefore && now <= window.notAfter };
}
