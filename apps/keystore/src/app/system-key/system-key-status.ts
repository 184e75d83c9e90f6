import type { StoredKeystoreEntry, SystemKeyStatus } from '@certgate/contracts';
import type { TenantPlan } from '../keystore-env';

/**
 * Whether client-certificate authentication can be on (design §4): the system key pair
 * must exist as a key pair and be within its validity period. The reason is what the
 * authorization decision tells a refused sender.
 */
export function systemKeyStatus(alias: string, plan: TenantPlan, entry: StoredKeystoreEntry | undefined, now: Date): SystemKeyStatus {
  if (!entry) {
    const missing = `key pair with alias '${alias}' does not exist in the keystore`;
    return { alias, present: false, valid: false, reason: plan === 'trial' ? `${missing} (a trial tenant has no system key pair)` : missing };
  }
  if (entry.kind !== 'key-pair') {
    return { alias, present: false, valid: false, reason: `'${alias}' is a trusted certificate in the keystore, not a key pair` };
  }
  const base = { alias, present: true, notAfter: entry.notAfter };
  if (Date.parse(entry.notBefore) > now.getTime()) {
    return { ...base, valid: false, reason: `key pair with alias '${alias}' is not valid before ${entry.notBefore}` };
  }
  if (Date.parse(entry.notAfter) < now.getTime()) {
    return { ...base, valid: false, reason: `key pair with alias '${alias}' has expired (${entry.notAfter})` };
  }
  return { ...base, valid: true };
}
