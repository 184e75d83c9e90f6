import { Inject, Injectable, Logger } from '@nestjs/common';
import { CertgateError, ErrorCode, type KeystoreEntryView } from '@certgate/contracts';
import { SERVICE_ENV } from '@certgate/platform';
import { isX509Error, parseCertificates, readPkcs12, writePkcs12, type Pkcs12Contents } from '@certgate/x509';
import { createEntry } from '../common/entry-create';
import { asKeyPair, requireEntry, requireFreeAlias } from '../common/entry-lookup';
import { ownerFor, refuseOnClientCa } from '../common/entry-rules';
import { toEntryView } from '../entries/entry-view';
import { keyPairEntry } from '../entries/key-pair-entry';
import type { KeystoreEnv } from '../keystore-env';
import { KeystoreRecords } from '../store/keystore-records';
import { KeyVault } from '../vault/key-vault';
import { openPrivateKey } from '../vault/open-sealed-key';

/** Key pairs in and out as PKCS#12 (.p12/.pfx): what CAs hand out and Java, Windows and OpenSSL read. */
@Injectable()
export class Pkcs12Service {
  private readonly logger = new Logger(Pkcs12Service.name);

  constructor(
    private readonly records: KeystoreRecords,
    private readonly vault: KeyVault,
    @Inject(SERVICE_ENV) private readonly env: KeystoreEnv,
  ) {}

  async import(req: { alias: string; password: string; pkcs12Base64: string }, now = new Date()): Promise<KeystoreEntryView> {
    await requireFreeAlias(this.records.entries, req.alias);
    const contents = await read(Buffer.from(req.pkcs12Base64, 'base64'), req.password);
    if (!contents.privateKey) {
      throw new CertgateError(
        ErrorCode.pkcs12NoPrivateKey,
        `the PKCS#12 file holds no private key (only ${contents.certificates.length} certificate(s)); to trust certificates, add them as trusted certificates instead`,
        { field: 'pkcs12', certificates: contents.certificates.length },
      );
    }
    const entry = await keyPairEntry({
      alias: req.alias,
      owner: ownerFor(req.alias, this.env.CERTGATE_SYSTEM_KEY_ALIAS),
      chain: contents.certificates,
      privateKey: contents.privateKey,
      vault: this.vault,
      now,
    });
    await createEntry(this.records.entries, entry);
    this.logger.log({
      msg: 'key pair imported from PKCS#12',
      alias: entry.alias,
      keyAlgorithm: entry.keyAlgorithm,
      subjectDN: entry.subjectDN,
      fingerprint: entry.fingerprint,
    });
    return toEntryView(entry, now);
  }

  async export(req: { alias: string; password: string }): Promise<{ alias: string; pkcs12Base64: string }> {
    refuseOnClientCa(req.alias, 'be exported: its private key never leaves the keystore');
    const { value: entry } = await requireEntry(this.records.entries, req.alias);
    const pair = asKeyPair(entry, 'export; download its certificate instead');
    const pkcs12 = await writePkcs12({
      privateKey: await openPrivateKey(this.vault, pair.alias, pair.encryptedKey),
      certificates: parseCertificates(pair.chainPem),
      password: req.password,
      friendlyName: pair.alias,
    });
    this.logger.log({ msg: 'key pair exported as PKCS#12', alias: pair.alias, fingerprint: pair.fingerprint });
    return { alias: pair.alias, pkcs12Base64: Buffer.from(pkcs12).toString('base64') };
  }
}

/** The file's contents, or a 400 with the library's reason (wrong password, legacy encryption with the command that converts it, ...). */
async function read(bytes: Buffer, password: string): Promise<Pkcs12Contents> {
  try {
    return await readPkcs12(bytes, password);
  } catch (err) {
    if (isX509Error(err)) {
      const code =
        err.code === 'pkcs12_legacy_algorithm'
          ? ErrorCode.pkcs12LegacyAlgorithm
          : err.code === 'key_mismatch'
            ? ErrorCode.keyMismatch
            : ErrorCode.pkcs12Invalid;
      throw new CertgateError(code, err.message, { field: err.code === 'pkcs12_bad_password' ? 'password' : 'pkcs12', reason: err.code });
    }
    throw err;
  }
}
