// The ASN.1 of PKCS#12 that @peculiar/asn1-pfx, -cms and -pkcs8 do not
// describe: PKCS#7 EncryptedData and the PBES2/PBKDF2 parameters (RFC 8018).
import { ContentInfo, EncryptedContentInfo } from '@peculiar/asn1-cms';
import { MacData } from '@peculiar/asn1-pfx';
import { AsnProp, AsnPropTypes, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier } from '@peculiar/asn1-x509';

/** asn1-schema reads an INTEGER of four bytes or more as a decimal string. */
export type AsnInteger = number | string;

/** EncryptedData (RFC 2315 §13): the password-encrypted safe of a PKCS#12 file. */
export class CmsEncryptedData {
  @AsnProp({ type: AsnPropTypes.Integer })
  version: AsnInteger = 0;

  @AsnProp({ type: EncryptedContentInfo })
  encryptedContentInfo = new EncryptedContentInfo();

  constructor(params: Partial<CmsEncryptedData> = {}) {
    Object.assign(this, params);
  }
}

/** PBKDF2-params (RFC 8018 A.2). The salt's otherSource alternative is reserved and unused. */
export class Pbkdf2Params {
  @AsnProp({ type: OctetString })
  salt = new OctetString();

  @AsnProp({ type: AsnPropTypes.Integer })
  iterationCount: AsnInteger = 0;

  @AsnProp({ type: AsnPropTypes.Integer, optional: true })
  keyLength?: AsnInteger;

  /** DEFAULT hmacWithSHA1 when absent. */
  @AsnProp({ type: AlgorithmIdentifier, optional: true })
  prf?: AlgorithmIdentifier;

  constructor(params: Partial<Pbkdf2Params> = {}) {
    Object.assign(this, params);
  }
}

/** PBES2-params (RFC 8018 A.4). */
export class Pbes2Params {
  @AsnProp({ type: AlgorithmIdentifier })
  keyDerivationFunc = new AlgorithmIdentifier();

  @AsnProp({ type: AlgorithmIdentifier })
  encryptionScheme = new AlgorithmIdentifier();

  constructor(params: Partial<Pbes2Params> = {}) {
    Object.assign(this, params);
  }
}

/**
 * PFX for reading. asn1-pfx's PFX starts out with an empty MacData, so after
 * parsing a file without a MAC it could not be told from one with a MAC; here
 * macData stays undefined unless the file has one.
 */
export class PfxWithOptionalMac {
  @AsnProp({ type: AsnPropTypes.Integer })
  version: AsnInteger = 0;

  @AsnProp({ type: ContentInfo })
  authSafe = new ContentInfo();

  @AsnProp({ type: MacData, optional: true })
  macData?: MacData;
}
