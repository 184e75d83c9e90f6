import { Inject, Injectable, Logger } from '@nestjs/common';
import { CertgateError, CLIENT_CA_ALIAS, ErrorCode } from '@certgate/contracts';
import {
  importPrivateKeyPem,
  importPublicKeyPem,
  isX509Error,
  issueCertificate,
  parseCertificates,
  toPemBundle,
  type Certificate,
  type CryptoKey,
} from '@certgate/x509';
import { CLOCK, type Clock } from '../alerts/clock/clock';
import { findEntry } from '../common/entry-lookup';
import { checkSubjectDN } from '../common/subject-dn';
import { KeystoreRecords } from '../store/keystore-records';
import { KeyVault, KeyVaultError } from '../vault/key-vault';

const DAY_MS = 86_400_000;

export interface ClientCertificateRequest {
  subjectDN: string;
  publicKeyPem: string;
  validityDays: number;
}

/** Issues clientAuth certificates from the tenant's client CA for public keys that others hold. */
@Injectable()
export class ClientCaService {
  private readonly logger = new Logger(ClientCaService.name);

  constructor(
    private readonly records: KeystoreRecords,
    private readonly vault: KeyVault,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(req: ClientCertificateRequest): Promise<{ certificatePem: string; chainPem: string }> {
    const now = new Date(this.clock());
    const publicKey = await this.publicKeyOf(req.publicKeyPem);
    checkSubjectDN(req.subjectDN);
    const ca = await this.clientCa();
    if (!ca.certificate.isValidAt(now)) {
      throw new CertgateError(
        ErrorCode.serviceUnavailable,
        `the tenant client CA is not valid now (valid ${ca.certificate.notBefore.toISOString()} to ${ca.certificate.notAfter.toISOString()})`,
      );
    }
    // Never beyond the CA itself: a leaf outliving its issuer would fail verification then.
    const notAfter = new Date(Math.min(now.getTime() + req.validityDays * DAY_MS, ca.certificate.notAfter.getTime()));
    let certificate: Certificate;
    try {
      certificate = await issueCertificate({ subjectDN: req.subjectDN, publicKey, issuer: ca, notAfter, extendedKeyUsage: ['clientAuth'] });
    } catch (err) {
      if (isX509Error(err, 'parse_error')) throw new CertgateError(ErrorCode.subjectDnInvalid, `subjectDN: ${err.message}`, { field: 'subjectDN' });
      throw err;
    }
    this.logger.log({
      msg: 'client certificate issued',
      subjectDN: certificate.subjectDN,
      serialNumber: certificate.serialNumber,
      fingerprint: certificate.fingerprint,
    });
    return { certificatePem: certificate.pem, chainPem: toPemBundle([certificate, ca.certificate]) };
  }

  private async publicKeyOf(pem: string): Promise<CryptoKey> {
    try {
      return await importPublicKeyPem(pem);
    } catch (err) {
      if (isX509Error(err)) throw new CertgateError(ErrorCode.publicKeyInvalid, `publicKeyPem: ${err.message}`, { field: 'publicKeyPem', reason: err.code });
      throw err;
    }
  }

  private async clientCa(): Promise<{ certificate: Certificate; privateKey: CryptoKey }> {
    const entry = await findEntry(this.records.entries, CLIENT_CA_ALIAS);
    if (!entry?.encryptedKey) {
      throw new CertgateError(
        ErrorCode.serviceUnavailable,
        `the tenant client CA ('${CLIENT_CA_ALIAS}') is not provisioned: restart the keystore to provision it`,
      );
    }
    let pem: string;
    try {
      pem = this.vault.open(CLIENT_CA_ALIAS, entry.encryptedKey);
    } catch (err) {
      if (err instanceof KeyVaultError) throw new CertgateError(ErrorCode.internal, err.message, { alias: CLIENT_CA_ALIAS });
      throw err;
    }
    return { certificate: parseCertificates(entry.chainPem)[0], privateKey: await importPrivateKeyPem(pem) };
  }
}
