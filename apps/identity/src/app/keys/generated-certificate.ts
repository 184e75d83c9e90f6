import { Inject, Injectable } from '@nestjs/common';
import { CertgateError, ErrorCode, KeystoreRpc } from '@certgate/contracts';
import { CertgateClient, MESSAGING_OPTIONS, type MessagingOptions } from '@certgate/messaging';
import {
  exportPrivateKeyPem,
  exportPublicKeyPem,
  generateKeyPair,
  keyMatchesCertificate,
  parseCertificate,
  type Certificate,
  type KeySpec,
} from '@certgate/x509';

const KEY_SPECS: Record<'EC' | 'RSA', KeySpec> = { EC: { type: 'EC', curve: 'P-256' }, RSA: { type: 'RSA', size: 2048 } };

export interface GeneratedCredential {
  certificate: Certificate;
  /** PKCS#8 PEM, handed to the caller once and never stored. */
  privateKeyPem: string;
}

/**
 * A `certificate` service key: identity makes the key pair, the keystore's client CA
 * certifies its public half (the private half never leaves this process except in
 * the one create response), so the sender can use it at once.
 */
@Injectable()
export class GeneratedCertificateService {
  constructor(
    private readonly rpc: CertgateClient,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /** `CN=<clientid>, OU=<tenant>, O=certgate`: the client id names the key wherever the certificate shows up. */
  subjectFor(clientid: string): string {
    return `CN=${clientid}, OU=${this.options.tenant}, O=certgate`;
  }

  async generate(clientid: string, keyType: 'EC' | 'RSA', validityDays: number): Promise<GeneratedCredential> {
    const keys = await generateKeyPair(KEY_SPECS[keyType]);
    const issued = await this.rpc.request(KeystoreRpc.issueClientCertificate, {
      subjectDN: this.subjectFor(clientid),
      publicKeyPem: await exportPublicKeyPem(keys.publicKey),
      validityDays,
    });
    const certificate = parseCertificate(issued.certificatePem);
    if (!(await keyMatchesCertificate(keys.privateKey, certificate))) {
      throw new CertgateError(ErrorCode.internal, 'the keystore returned a certificate for another public key; no key was created');
    }
    return { certificate, privateKeyPem: await exportPrivateKeyPem(keys.privateKey) };
  }
}
