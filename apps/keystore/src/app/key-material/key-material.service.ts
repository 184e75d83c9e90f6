import { Injectable, Logger } from '@nestjs/common';
import { CertgateError, CLIENT_CA_ALIAS, ErrorCode, type KeyMaterial, type KeyMaterialRequest } from '@certgate/contracts';
import { sealForRecipient } from '@certgate/x509';
import { findEntry } from '../common/entry-lookup';
import { KeystoreRecords } from '../store/keystore-records';
import { KeyVault } from '../vault/key-vault';
import { openSealedKey } from '../vault/open-sealed-key';

/** Hands a key pair to the flow runtime for a receiver call, the private key sealed to the requester alone. */
@Injectable()
export class KeyMaterialService {
  private readonly logger = new Logger(KeyMaterialService.name);

  constructor(
    private readonly records: KeystoreRecords,
    private readonly vault: KeyVault,
  ) {}

  async keyMaterial(req: KeyMaterialRequest): Promise<KeyMaterial> {
    const { alias } = req;
    const entry = await findEntry(this.records.entries, alias);
    if (!entry) throw new CertgateError(ErrorCode.keyAliasUnknown, `no key pair with alias '${alias}' in the keystore`, { alias });
    if (entry.kind !== 'key-pair' || !entry.encryptedKey) {
      throw new CertgateError(
        ErrorCode.keyAliasUnknown,
        `no key pair with alias '${alias}' in the keystore: '${alias}' is a trusted certificate, without a private key`,
        { alias },
      );
    }
    // The CA's key would let whoever holds it mint client certificates the ingress trusts.
    if (alias === CLIENT_CA_ALIAS) {
      throw new CertgateError(
        ErrorCode.clientCaProtected,
        `'${alias}' is the tenant's client CA: its private key signs client certificates and never leaves the keystore; use another key pair for receiver calls`,
        { alias },
      );
    }
    const privateKey = sealForRecipient(req.recipientPublicKey, alias, openSealedKey(this.vault, alias, entry.encryptedKey));
    this.logger.log({ msg: 'key material handed out', alias, fingerprint: entry.fingerprint });
    return { alias, fingerprint: entry.fingerprint, notAfter: entry.notAfter, chainPem: entry.chainPem, privateKey };
  }
}
