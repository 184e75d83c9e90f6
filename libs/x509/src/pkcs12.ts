// PKCS#12 (.p12/.pfx, RFC 7292) import and export. We write what OpenSSL 3
// writes by default (certificates in a PBES2/AES-256-CBC EncryptedData, the
// key in a PBES2 shrouded key bag, an HMAC-SHA256 MAC), and read that plus
// the common variants, refusing the legacy RC2/RC4/3DES schemes with advice.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { Certificate } from './certificate';
import { binaryAsPemText, pemEncode, toBytes, type BinaryInput } from './encoding';
import { subtle, type CryptoKey } from './engine';
import { X509Error } from './errors';
import { importKeyObject, keyMatchesCertificate, samePublicKey } from './keys';
import {
  bmpString,
  context0,
  context0Octets,
  explicit0,
  implicit0Octets,
  int,
  integer,
  items,
  objectId,
  octetString,
  octets,
  oid,
  parseBer,
  seq,
  set,
  toDer,
  type Node,
} from './pkcs12-asn1';
import { BadPassword, LEGACY_PBE, algorithm, buildMacData, decrypt, encrypt, legacyAlgorithmError, macMatches } from './pkcs12-crypto';

const DATA = '1.2.840.113549.1.7.1';
const SIGNED_DATA = '1.2.840.113549.1.7.2';
const ENVELOPED_DATA = '1.2.840.113549.1.7.3';
const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  safeContents: '1.2.840.113549.1.12.10.1.6',
};
const X509_CERT = '1.2.840.113549.1.9.22.1';
const FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21';

/** OpenSSL's default is 2048; we spend more, as an admin-side export is rare. */
const DEFAULT_ITERATIONS = 100_000;

export interface Pkcs12Contents {
  privateKey?: CryptoKey;
  /** PKCS#8 PEM of the key: a secret, handle accordingly. */
  privateKeyPem?: string;
  /** Leaf first when a key is present, then its issuers in order, then any others. */
  certificates: Certificate[];
}

export interface WritePkcs12Options {
  privateKey: CryptoKey;
  /** Leaf (the key's certificate) first, then the chain. */
  certificates: Certificate[];
  password: string;
  friendlyName?: string;
  /** PBKDF2 and MAC iterations; default 100000. */
  iterations?: number;
}

const badPassword = () => new X509Error('pkcs12_bad_password', 'the password does not open this PKCS#12 file (or the file is damaged)');

interface Collected {
  keys: Uint8Array[];
  certs: Certificate[];
}

function contentInfo(node: Node): { type: string; content?: Node } {
  const [type, content] = items(node, 'a ContentInfo');
  return { type: oid(type, 'a ContentInfo'), content };
}

function safeBags(safeContents: Uint8Array): Node[] {
  return items(parseBer(safeContents, 'a SafeContents'), 'a SafeContents');
}

function encryptedContent(content: Node | undefined): { alg: { oid: string; params?: Node }; data: Uint8Array } {
  const [, encryptedContentInfo] = items(explicit0(content, 'EncryptedData'), 'an EncryptedData');
  const [, algNode, data] = items(encryptedContentInfo, 'an EncryptedContentInfo');
  return { alg: algorithm(algNode, 'the content encryption algorithm'), data: implicit0Octets(data, 'encrypted content') };
}

/** Fails fast on legacy algorithms visible before decryption, whatever the password. */
function refuseVisibleLegacy(infos: Node[]): void {
  for (const info of infos) {
    const { type, content } = contentInfo(info);
    if (type === ENCRYPTED_DATA) {
      const { alg } = encryptedContent(content);
      if (LEGACY_PBE[alg.oid]) throw legacyAlgorithmError(alg.oid);
    } else if (type === DATA) {
      for (const bag of safeBags(octets(explicit0(content, 'Data'), 'Data'))) {
        const [bagId, value] = items(bag, 'a SafeBag');
        if (oid(bagId, 'a SafeBag') !== BAG.shroudedKey) continue;
        const [alg] = items(explicit0(value, 'a shrouded key'), 'an EncryptedPrivateKeyInfo');
        const algOid = algorithm(alg, 'the key encryption algorithm').oid;
        if (LEGACY_PBE[algOid]) throw legacyAlgorithmError(algOid);
      }
    }
  }
}

async function collectBag(bag: Node, password: string, out: Collected): Promise<void> {
  const [bagId, bagValue] = items(bag, 'a SafeBag');
  const value = explicit0(bagValue, 'a SafeBag value');
  switch (oid(bagId, 'a SafeBag')) {
    case BAG.key:
      out.keys.push(toDer(value));
      return;
    case BAG.shroudedKey: {
      const [alg, encrypted] = items(value, 'an EncryptedPrivateKeyInfo');
      out.keys.push(await decrypt(algorithm(alg, 'the key encryption algorithm'), octets(encrypted, 'an encrypted key'), password));
      return;
    }
    case BAG.cert: {
      const [certId, certValue] = items(value, 'a CertBag');
      if (oid(certId, 'a CertBag') !== X509_CERT) return;
      try {
        out.certs.push(Certificate.fromDer(octets(explicit0(certValue, 'a certificate'), 'a certificate')));
      } catch (cause) {
        throw new X509Error('pkcs12_invalid', 'a certificate inside the PKCS#12 file cannot be read', { cause });
      }
      return;
    }
    case BAG.safeContents:
      for (const inner of items(value, 'nested SafeContents')) await collectBag(inner, password, out);
      return;
    default:
      // CRLs and secrets have no place in a keystore entry.
      return;
  }
}

async function collectSafe(info: Node, password: string, out: Collected): Promise<void> {
  const { type, content } = contentInfo(info);
  let safeContents: Uint8Array;
  if (type === DATA) safeContents = octets(explicit0(content, 'Data'), 'Data');
  else if (type === ENCRYPTED_DATA) {
    const { alg, data } = encryptedContent(content);
    safeContents = await decrypt(alg, data, password);
  } else if (type === ENVELOPED_DATA) {
    throw new X509Error(
      'unsupported_algorithm',
      'this PKCS#12 file is encrypted to a public key (public-key privacy mode), which is not supported; export it with a password',
    );
  } else throw new X509Error('pkcs12_invalid', `the PKCS#12 file contains an unexpected content type ${type}`);
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
  const pfx = items(parseBer(bytes, 'the file'), 'a PFX');
  if (int(pfx[0], 'the PFX version') !== 3) throw new X509Error('pkcs12_invalid', 'the PKCS#12 file has an unknown version (expected 3)');
  const authSafe = contentInfo(pfx[1]);
  if (authSafe.type === SIGNED_DATA) {
    throw new X509Error('unsupported_algorithm', 'this PKCS#12 file uses public-key integrity mode, which is not supported; export it with a password');
  }
  if (authSafe.type !== DATA) throw new X509Error('pkcs12_invalid', 'the PKCS#12 file has no password-protected content');
  const authSafeBytes = octets(explicit0(authSafe.content, 'authSafe'), 'authSafe');
  const infos = items(parseBer(authSafeBytes, 'the AuthenticatedSafe'), 'an AuthenticatedSafe');

  refuseVisibleLegacy(infos);
  const hasMac = pfx[2] !== undefined;
  if (hasMac && !macMatches(pfx[2], password, authSafeBytes)) throw badPassword();

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

function attributes(friendlyName: string | undefined, localKeyId: Uint8Array): Node {
  const attrs: Node[] = [];
  if (friendlyName) attrs.push(seq(objectId(FRIENDLY_NAME), set(bmpString(friendlyName))));
  attrs.push(seq(objectId(LOCAL_KEY_ID), set(octetString(localKeyId))));
  return set(...attrs);
}

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

  const certBags = opts.certificates.map((cert, k) =>
    seq(
      objectId(BAG.cert),
      context0(seq(objectId(X509_CERT), context0(octetString(cert.der)))),
      ...(k === 0 ? [attributes(opts.friendlyName, localKeyId)] : []),
    ),
  );
  const encryptedCerts = await encrypt(toDer(seq(...certBags)), opts.password, iterations);
  const encryptedKey = await encrypt(pkcs8, opts.password, iterations);
  const keyBag = seq(
    objectId(BAG.shroudedKey),
    context0(seq(encryptedKey.algorithm, octetString(encryptedKey.ciphertext))),
    attributes(opts.friendlyName, localKeyId),
  );

  const authSafe = toDer(
    seq(
      seq(objectId(ENCRYPTED_DATA), context0(seq(integer(0), seq(objectId(DATA), encryptedCerts.algorithm, context0Octets(encryptedCerts.ciphertext))))),
      seq(objectId(DATA), context0(octetString(toDer(seq(keyBag))))),
    ),
  );
  return toDer(seq(integer(3), seq(objectId(DATA), context0(octetString(authSafe))), buildMacData(opts.password, authSafe, iterations)));
}
