import { CertgateError, CLIENT_CA_ALIAS, ErrorCode, type StoredKeystoreEntry } from '@certgate/contracts';

/** The entries certgate itself depends on are owned by `system`; what an operator adds is `tenant`'s. */
export function ownerFor(alias: string, systemAlias: string): StoredKeystoreEntry['owner'] {
  return alias === systemAlias || alias === CLIENT_CA_ALIAS ? 'system' : 'tenant';
}

/**
 * The client CA is a root the ingress trusts and that signs the certificates of
 * `certificate` service keys: replacing its chain or key would break every one of them,
 * so operations that would are refused with the reason.
 */
export function refuseOnClientCa(alias: string, operation: string): void {
  if (alias !== CLIENT_CA_ALIAS) return;
  throw new CertgateError(
    ErrorCode.clientCaProtected,
    `'${alias}' is the tenant's client CA: the ingress trusts it as a root and it signs the certificates of 'certificate' service keys, so it cannot ${operation}`,
    { alias },
  );
}
