import { PFX } from '@peculiar/asn1-pfx';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import * as asn1js from 'asn1js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Certificate } from './certificate';
import type { CryptoKey } from './engine';
import { X509Error } from './errors';
import { exportPrivateKeyPem } from './keys';
import { toPemBundle } from './parse';
import { readPkcs12, writePkcs12 } from './pkcs12';
import { octetStringContent } from './pkcs12-ber';
import { buildMacData } from './pkcs12-crypto';
import { itWithOpenssl, openssl, specPki, withTempDir } from './spec-fixtures';

// Windows and Java may write PKCS#12 in BER, which OpenSSL never does, so the
// files are made here: a DER file re-encoded with every constructed element
// of indefinite length and every longer OCTET STRING in segments.

const SEGMENT = 10;
const DATA = '1.2.840.113549.1.7.1';

const indefinite = (tagClass: number, tagNumber: number, value: asn1js.BaseBlock[]): asn1js.Constructed =>
  new asn1js.Constructed({ idBlock: { tagClass, tagNumber }, lenBlock: { isIndefiniteForm: true }, value });

/** Constructed OCTET STRING of SEGMENT-byte pieces, the first split once more (BER lets segments nest). */
function segmented(tagClass: number, tagNumber: number, bytes: Uint8Array): asn1js.Constructed {
  const piece = (b: Uint8Array) => new asn1js.OctetString({ valueHex: b });
  const pieces: asn1js.BaseBlock[] = [indefinite(1, 4, [piece(bytes.subarray(0, 4)), piece(bytes.subarray(4, SEGMENT))])];
  for (let k = SEGMENT; k < bytes.length; k += SEGMENT) pieces.push(piece(bytes.subarray(k, k + SEGMENT)));
  return indefinite(tagClass, tagNumber, pieces);
}

/** An AuthenticatedSafe or SafeContents (SEQUENCE OF SEQUENCE { OID, ... }); a certificate's first member starts with [0]. */
function safeStructure(bytes: Uint8Array): asn1js.Sequence | undefined {
  let parsed: asn1js.FromBerResult;
  try {
    parsed = asn1js.fromBER(bytes, { parseEmbedded: false });
  } catch {
    return undefined; // asn1js throws on some random bytes (salts, ciphertexts), e.g. an odd-length BMPString
  }
  const { offset, result } = parsed;
  if (offset !== bytes.length || !(result instanceof asn1js.Sequence)) return undefined;
  const typed = (m: asn1js.AsnType) => m instanceof asn1js.Sequence && m.valueBlock.value[0] instanceof asn1js.ObjectIdentifier;
  return result.valueBlock.value.every(typed) ? result : undefined;
}

function berize(node: asn1js.AsnType): asn1js.BaseBlock {
  const { tagClass, tagNumber, isConstructed } = node.idBlock;
  if (isConstructed) return indefinite(tagClass, tagNumber, (node.valueBlock as unknown as { value: asn1js.AsnType[] }).value.map(berize));
  // OCTET STRING, and the [0] IMPLICIT OCTET STRING of encrypted content.
  if (!(tagClass === 1 && tagNumber === 4) && !(tagClass === 3 && tagNumber === 0)) return node;
  const content = (node as asn1js.OctetString).valueBlock.valueHexView;
  const inner = safeStructure(content);
  if (inner) return segmented(tagClass, tagNumber, new Uint8Array(berize(inner).toBER()));
  return content.length > SEGMENT ? segmented(tagClass, tagNumber, content) : node;
}

/** `der` as Windows or Java might encode it, with the MAC recomputed: it covers the authSafe's encoding, which changes. */
function asBer(der: Uint8Array, password: string): Uint8Array {
  const authSafe = new Uint8Array(AsnConvert.parse(AsnConvert.parse(der, PFX).authSafe.content, OctetString).buffer);
  const berAuthSafe = new Uint8Array(berize(safeStructure(authSafe) as asn1js.Sequence).toBER());
  const mac = asn1js.fromBER(AsnConvert.serialize(buildMacData(password, berAuthSafe, 1000))).result;
  const authSafeInfo = indefinite(1, 16, [new asn1js.ObjectIdentifier({ value: DATA }), indefinite(3, 0, [segmented(1, 4, berAuthSafe)])]);
  return new Uint8Array(indefinite(1, 16, [new asn1js.Integer({ value: 3 }), authSafeInfo, berize(mac)]).toBER());
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

describe('PKCS#12 in BER (indefinite lengths, segmented OCTET STRINGs)', () => {
  let key: CryptoKey;
  let chain: Certificate[];

  beforeAll(async () => {
    const pki = await specPki();
    const alice = await pki.leaf('alice');
    key = alice.privateKey;
    chain = [alice.certificate, pki.intermediate.certificate, pki.root.certificate];
  });

  it('asn1-schema alone reads a segmented OCTET STRING as empty, which is why pkcs12-ber.ts joins the segments', () => {
    const bytes = Uint8Array.from({ length: 25 }, (_, k) => k);
    const ber = new Uint8Array(segmented(1, 4, bytes).toBER());
    expect(hex(ber.subarray(0, 4))).toBe('24802480');
    expect(AsnConvert.parse(ber, OctetString).byteLength).toBe(0);
    expect(octetStringContent(ber, 'a test string')).toEqual(bytes);
  });

  it('reads our own file re-encoded in BER, segments in the MAC, salts, IVs, ciphertexts and encrypted content included', async () => {
    const der = await writePkcs12({ privateKey: key, certificates: chain, password: 'pw', friendlyName: 'alice', iterations: 1000 });
    const ber = asBer(der, 'pw');
    expect(hex(ber.subarray(0, 2))).toBe('3080');
    expect(hex(ber)).toContain('a0802480'); // [0] IMPLICIT encrypted content, in segments
    const back = await readPkcs12(ber, 'pw');
    expect(back.certificates.map((c) => c.fingerprint)).toEqual(chain.map((c) => c.fingerprint));
    expect(back.privateKeyPem).toBe(await exportPrivateKeyPem(key));
    await expect(readPkcs12(ber, 'wrong')).rejects.toThrow(expect.objectContaining({ code: 'pkcs12_bad_password' }));
  });

  it('refuses a segment that is not an OCTET STRING', async () => {
    const bad = new asn1js.Constructed({ idBlock: { tagClass: 1, tagNumber: 4 }, value: [new asn1js.Integer({ value: 1 })] });
    expect(() => octetStringContent(new Uint8Array(bad.toBER()), 'a test string')).toThrow(X509Error);
  });

  itWithOpenssl('reads an OpenSSL file with plain certificates re-encoded in BER (certificates in segments)', async () => {
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'key.pem'), await exportPrivateKeyPem(key));
      writeFileSync(join(dir, 'chain.pem'), toPemBundle(chain));
      const args = ['pkcs12', '-export', '-inkey', 'key.pem', '-in', 'chain.pem', '-certpbe', 'NONE', '-out', 'x.p12', '-passout', 'pass:secret'];
      expect(openssl(args, { cwd: dir }).status).toBe(0);
      const back = await readPkcs12(asBer(new Uint8Array(readFileSync(join(dir, 'x.p12'))), 'secret'), 'secret');
      expect(back.certificates.map((c) => c.fingerprint)).toEqual(chain.map((c) => c.fingerprint));
      expect(back.privateKeyPem).toBe(await exportPrivateKeyPem(key));
    });
  });
});
