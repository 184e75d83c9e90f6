// Writing PKCS#12 files as OpenSSL 3 does by default: certificates in a
// PBES2/AES-256-CBC EncryptedData, the key in a PBES2 shrouded key bag, both
// with friendlyName and localKeyId, and an HMAC-SHA256 MAC over it all.
import { ContentInfo, EncryptedContent, EncryptedContentInfo, id_data, id_encryptedData } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  PFX,
  PKCS12Attribute,
  PKCS8ShroudedKeyBag,
  SafeBag,
  SafeContents,
  id_certBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
} from '@peculiar/asn1-pfx';
import { EncryptedData } from '@peculiar/asn1-pkcs8';
import { AsnBmpStringConverter, AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { createHash } from 'node:crypto';
import type { Certificate } from './certificate';
import { subtle, type CryptoKey } from './engine';
import { X509Error } from './errors';
import { keyMatchesCertificate } from './keys';
import { buildMacData, encrypt } from './pkcs12-crypto';
import { CmsEncryptedData } from './pkcs12-schemas';

const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

/** OpenSSL's default is 2048; we spend more, as an admin-side export is rare. */
const DEFAULT_ITERATIONS = 100_000;

export interface WritePkcs12Options {
  privateKey: CryptoKey;
  /** Leaf (the key's certificate) first, then the chain. */
  certificates: Certificate[];
  password: string;
  friendlyName?: string;
  /** PBKDF2 and MAC iterations; default 100000. */
  iterations?: number;
}

function attribute(attrId: string, value: ArrayBuffer): PKCS12Attribute {
  // Set field by field: PKCS12Attribute's constructor drops its argument (asn1-pfx 2.11.1).
  const attr = new PKCS12Attribute();
  attr.attrId = attrId;
  attr.attrValues = [value];
  return attr;
}

function attributes(friendlyName: string | undefined, localKeyId: Uint8Array): PKCS12Attribute[] {
  const attrs: PKCS12Attribute[] = [];
  if (friendlyName) attrs.push(attribute(FRIENDLY_NAME, AsnBmpStringConverter.toASN(friendlyName).toBER()));
  attrs.push(attribute(LOCAL_KEY_ID, AsnConvert.serialize(new OctetString(localKeyId))));
  return attrs;
}

const dataInfo = (content: ArrayBuffer): ContentInfo => new ContentInfo({ contentType: id_data, content: AsnConvert.serialize(new OctetString(content)) });

/** A PKCS#12 file that OpenSSL 3, Java and Windows open with `password`. */
export async function writePkcs12(opts: WritePkcs12Options): Promise<Uint8Array> {
  const [leaf] = opts.certificates;
  if (!leaf) throw new RangeError('writePkcs12 needs at least the certificate of the private key');
  if (!(await keyMatchesCertificate(opts.privateKey, leaf))) {
    throw new X509Error('key_mismatch', `the private key does not belong to the first certificate '${leaf.subjectDN}' (the leaf must come first)`);
  }
  const iterations = opts.iterations ?? DEFAULT_ITERATIONS;
  const localKeyId = createHash('sha1').update(leaf.der).digest();
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', opts.privateKey));

  const certBags = opts.certificates.map(
    (cert, k) =>
      new SafeBag({
        bagId: id_certBag,
        bagValue: AsnConvert.serialize(new CertBag({ certId: id_x509Certificate, certValue: AsnConvert.serialize(new OctetString(cert.der)) })),
        bagAttributes: k === 0 ? attributes(opts.friendlyName, localKeyId) : undefined,
      }),
  );
  const encryptedCerts = await encrypt(new Uint8Array(AsnConvert.serialize(new SafeContents(certBags))), opts.password, iterations);
  const certsInfo = new EncryptedContentInfo({
    contentType: id_data,
    contentEncryptionAlgorithm: encryptedCerts.algorithm,
    encryptedContent: new EncryptedContent({ value: new OctetString(encryptedCerts.ciphertext) }),
  });
  const encryptedKey = await encrypt(pkcs8, opts.password, iterations);
  const keyBag = new SafeBag({
    bagId: id_pkcs8ShroudedKeyBag,
    bagValue: AsnConvert.serialize(
      new PKCS8ShroudedKeyBag({ encryptionAlgorithm: encryptedKey.algorithm, encryptedData: new EncryptedData(encryptedKey.ciphertext) }),
    ),
    bagAttributes: attributes(opts.friendlyName, localKeyId),
  });

  const authSafe = AsnConvert.serialize(
    new AuthenticatedSafe([
      new ContentInfo({ contentType: id_encryptedData, content: AsnConvert.serialize(new CmsEncryptedData({ encryptedContentInfo: certsInfo })) }),
      dataInfo(AsnConvert.serialize(new SafeContents([keyBag]))),
    ]),
  );
  const pfx = new PFX({ version: 3, authSafe: dataInfo(authSafe), macData: buildMacData(opts.password, new Uint8Array(authSafe), iterations) });
  return new Uint8Array(AsnConvert.serialize(pfx));
}
