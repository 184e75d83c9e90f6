// Opening PKCS#12 files: what OpenSSL 3 writes by default and the common
// variants (AES-128, SHA-1 MAC, plain certificates, no MAC, BER from Windows
// and Java), refusing the legacy RC2/RC4/3DES schemes with advice.
import { ContentInfo, id_data, id_encryptedData, id_envelopedData, id_signedData } from '@peculiar/asn1-cms';
import {
  AuthenticatedSafe,
  CertBag,
  PKCS8ShroudedKeyBag,
  SafeBag,
  SafeContents,
  id_SafeContents,
  id_certBag,
  id_keyBag,
  id_pkcs8ShroudedKeyBag,
  id_x509Certificate,
} from '@peculiar/asn1-pfx';
import type { AlgorithmIdentifier } from '@peculiar/asn1-x509';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { Certificate } from './certificate';
import { binaryAsPemText, pemEncode, toBytes, type BinaryInput } from './encoding';
import type { CryptoKey } from './engine';
import { X509Error } from './errors';
import { importKeyObject, samePublicKey } from './keys';
import { malformed, octetStringContent, parseBer } from './pkcs12-ber';
import { BadPassword, LEGACY_PBE, decrypt, legacyAlgorithmError, macMatches } from './pkcs12-crypto';
import { CmsEncryptedData, PfxWithOptionalMac } from './pkcs12-schemas';

export interface Pkcs12Contents {
  privateKey?: CryptoKey;
  /** PKCS#8 PEM of the key: a secret, handle accordingly. */
  privateKeyPem?: string;
  /** Leaf first when a key is present, then its issuers in order, then any others. */
  certificates: Certificate[];
}

const badPassword = () => new X509Error('pkcs12_bad_password', 'the password does not open this PKCS#12 file (or the file is damaged)');

interface Collected {
  keys: Uint8Array[];
  certs: Certificate[];
}

const dataContent = (info: ContentInfo): Uint8Array => octetStringContent(info.content, 'Data');

const safeBags = (safeContents: Uint8Array): SafeBag[] => parseBer(safeContents, SafeContents, 'a SafeContents');

function encryptedContent(info: ContentInfo): { alg: AlgorithmIdentifier; data: Uint8Array } {
  const { encryptedContentInfo } = parseBer(info.content, CmsEncryptedData, 'an EncryptedData');
  const { value, constructedValue } = encryptedContentInfo.encryptedContent ?? {};
  const segments = value ? [value] : constructedValue;
  if (!segments) throw malformed('expected [0] encrypted content');
  return { alg: encryptedContentInfo.contentEncryptionAlgorithm, data: Buffer.concat(segments.map((s) => new Uint8Array(s.buffer))) };
}

/** Fails fast on legacy algorithms visible before decryption, whatever the password. */
function refuseVisibleLegacy(infos: ContentInfo[]): void {
  for (const info of infos) {
    if (info.contentType === id_encryptedData) {
      const { alg } = encryptedContent(info);
      if (LEGACY_PBE[alg.algorithm]) throw legacyAlgorithmError(alg.algorithm);
    } else if (info.contentType === id_data) {
      for (const bag of safeBags(dataContent(info))) {
        if (bag.bagId !== id_pkcs8ShroudedKeyBag) continue;
        const alg = parseBer(bag.bagValue, PKCS8ShroudedKeyBag, 'an EncryptedPrivateKeyInfo').encryptionAlgorithm.algorithm;
        if (LEGACY_PBE[alg]) throw legacyAlgorithmError(alg);
      }
    }
  }
}

async function collectBag(bag: SafeBag, password: string, out: Collected): Promise<void> {
  switch (bag.bagId) {
    case id_keyBag:
      out.keys.push(new Uint8Array(bag.bagValue));
      return;
    case id_pkcs8ShroudedKeyBag: {
      const { encryptionAlgorithm, encryptedData } = parseBer(bag.bagValue, PKCS8ShroudedKeyBag, 'an EncryptedPrivateKeyInfo');
      out.keys.push(await decrypt(encryptionAlgorithm, new Uint8Array(encryptedData.buffer), password));
      return;
    }
    case id_certBag: {
      const { certId, certValue } = parseBer(bag.bagValue, CertBag, 'a CertBag');
      if (certId !== id_x509Certificate) return;
      const der = octetStringContent(certValue, 'a certificate');
      try {
        out.certs.push(Certificate.fromDer(der));
      } catch (cause) {
        throw new X509Error('pkcs12_invalid', 'a certificate inside the PKCS#12 file cannot be read', { cause });
      }
      return;
    }
    case id_SafeContents:
      for (const inner of parseBer(bag.bagValue, SafeContents, 'nested SafeContents')) await collectBag(inner, password, out);
      return;
    default:
      // CRLs and secrets have no place in a keystore entry.
      return;
  }
}

async function collectSafe(info: ContentInfo, password: string, out: Collected): Promise<void> {
  let safeContents: Uint8Array;
  if (info.contentType === id_data) safeContents = dataContent(info);
  else if (info.contentType === id_encryptedData) {
    const { alg, data } = encryptedContent(info);
    safeContents = await decrypt(alg, data, password);
  } else if (info.contentType === id_envelopedData) {
    throw new X509Error(
      'unsupported_algorithm',
      'this PKCS#12 file is encrypted to a public key (public-key privacy mode), which is not supported; export it with a password',
    );
  } else throw new X509Error('pkcs12_invalid', `the PKCS#12 file contains an unexpected content type ${info.contentType}`);
  for (const bag of safeBags(safeContents)) await collectBag(bag, password, out);
}

function publicKeyOf(pkcs8: Uint8Array): KeyObject {
  return createPublicKey(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }));
}

function certificateKey(cert: Certificate): KeyObject | undefined {
  try {
    return createPublicKey({ key: Buffer.from(cert.spkiDer), format: 'der', type: 'spki' });
  } catch {
    return undefined;
  }
}

/** Leaf, then each next issuer found among the rest, then whatever is left in file order. */
function orderChain(leaf: Certificate, others: Certificate[]): Certificate[] {
  const chain = [leaf];
  const rest = [...others];
  for (;;) {
    const last = chain[chain.length - 1];
    if (last.isSelfIssued) break;
    const k = rest.findIndex((c) => c.normalizedSubject === last.normalizedIssuer);
    if (k < 0) break;
    chain.push(...rest.splice(k, 1));
  }
  return [...chain, ...rest];
}

/**
 * Opens a PKCS#12 file. Throws X509Error: pkcs12_bad_password,
 * pkcs12_legacy_algorithm (with the OpenSSL command that converts the file),
 * pkcs12_invalid, unsupported_algorithm, key_mismatch (key without its certificate).
 */
export async function readPkcs12(data: BinaryInput, password: string): Promise<Pkcs12Contents> {
  const bytes = toBytes(data);
  if (bytes.length === 0) throw new X509Error('empty_input', 'no PKCS#12 file was given (the input is empty)');
  if (binaryAsPemText(bytes) !== undefined) {
    throw new X509Error('pkcs12_invalid', 'this is PEM text, not a binary PKCS#12 (.p12/.pfx) file');
  }
  const pfx = parseBer(bytes, PfxWithOptionalMac, 'a PFX');
  if (Number(pfx.version) !== 3) throw new X509Error('pkcs12_invalid', 'the PKCS#12 file has an unknown version (expected 3)');
  if (pfx.authSafe.contentType === id_signedData) {
    throw new X509Error('unsupported_algorithm', 'this PKCS#12 file uses public-key integrity mode, which is not supported; export it with a password');
  }
  if (pfx.authSafe.contentType !== id_data) throw new X509Error('pkcs12_invalid', 'the PKCS#12 file has no password-protected content');
  const authSafeBytes = octetStringContent(pfx.authSafe.content, 'authSafe');
  const infos = parseBer(authSafeBytes, AuthenticatedSafe, 'an AuthenticatedSafe');

  refuseVisibleLegacy(infos);
  const hasMac = pfx.macData !== undefined;
  if (pfx.macData && !macMatches(pfx.macData, password, authSafeBytes)) throw badPassword();

  const out: Collected = { keys: [], certs: [] };
  try {
    for (const info of infos) await collectSafe(info, password, out);
  } catch (err) {
    if (err instanceof BadPassword) throw badPassword();
    throw err;
  }
  if (out.keys.length > 1) {
    throw new X509Error('pkcs12_invalid', `the PKCS#12 file holds ${out.keys.length} private keys; export one key with its certificate chain per file`);
  }
  if (out.keys.length === 0) return { certificates: out.certs };

  const pkcs8 = out.keys[0];
  let keyPublic: KeyObject;
  try {
    keyPublic = publicKeyOf(pkcs8);
  } catch (cause) {
    // Without a MAC a wrong password can decrypt to garbage that happens to be padded correctly.
    if (!hasMac) throw badPassword();
    throw new X509Error('pkcs12_invalid', 'the private key inside the PKCS#12 file cannot be decoded', { cause });
  }
  const leafIndex = out.certs.findIndex((c) => {
    const certKey = certificateKey(c);
    return certKey !== undefined && samePublicKey(certKey, keyPublic);
  });
  if (leafIndex < 0) {
    throw new X509Error('key_mismatch', 'the PKCS#12 file holds a private key but not the certificate for it');
  }
  const [leaf] = out.certs.splice(leafIndex, 1);
  const privateKey = await importKeyObject(createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' }));
  return { privateKey, privateKeyPem: pemEncode('PRIVATE KEY', pkcs8), certificates: orderChain(leaf, out.certs) };
}
