import { z } from 'zod';
import { downloadFileSchema, emptySchema, nameSchema, pemSchema, voidSchema } from '../common';
import { rpcContract } from '../rpc';
import { certificateFormatSchema } from './api';
import { connectivityRequestSchema, connectivityResultSchema } from './connectivity';
import { keyMaterialRequestSchema, keyMaterialSchema } from './key-material';
import { keystoreEntryViewSchema, withKeySpec } from './model';

export const systemKeyStatusSchema = z.object({
  alias: z.string(),
  present: z.boolean(),
  valid: z.boolean(),
  notAfter: z.string().optional(),
  reason: z.string().optional(),
});
export type SystemKeyStatus = z.infer<typeof systemKeyStatusSchema>;

const alias = nameSchema('an alias');
const validityDays = z
  .number({ error: 'validityDays must be a number of days' })
  .int()
  .min(1, 'validityDays must be at least 1')
  .max(3650, 'validityDays must be at most 3650 (ten years)');
/** PKCS#12 files are small; 1 MiB of base64 is far above any real one. */
const pkcs12Base64 = z
  .string()
  .min(1, 'pkcs12 is empty')
  .max(1024 * 1024, 'pkcs12 is larger than 1 MiB')
  .regex(/^[A-Za-z0-9+/=\s]+$/, 'pkcs12 must be the base64 text of the .p12 file');
const password = z.string().max(1024);

export const generateKeyPairRequestSchema = withKeySpec({
  alias,
  subjectDN: z.string().min(1, 'subjectDN is required, e.g. "CN=my-tenant, O=Example"'),
  validityDays: validityDays.default(365),
});
export type GenerateKeyPairRequest = z.infer<typeof generateKeyPairRequestSchema>;

/** A renewal keeps the alias; subject and validity default to the current certificate's. */
export const startRenewalRequestSchema = withKeySpec({ alias, subjectDN: z.string().min(1).optional(), validityDays: validityDays.optional() });
export type StartRenewalRequest = z.infer<typeof startRenewalRequestSchema>;

/** `renewal`: the pending key pair of a renewal instead of the current one. */
const keyPairTarget = { alias, renewal: z.boolean().default(false) };

export const KeystoreRpc = {
  listEntries: rpcContract('keystore.entries.list.v1', emptySchema, z.object({ entries: z.array(keystoreEntryViewSchema) })),
  getEntry: rpcContract('keystore.entries.get.v1', z.object({ alias }), keystoreEntryViewSchema),
  /** `force` is needed for the system key pair: deleting it turns certificate authentication off. */
  deleteEntry: rpcContract('keystore.entries.delete.v1', z.object({ alias, force: z.boolean().default(false) }), voidSchema),
  renameEntry: rpcContract('keystore.entries.rename.v1', z.object({ alias, newAlias: nameSchema('newAlias') }).strict(), keystoreEntryViewSchema),
  /** The leaf certificate or the whole chain (leaf first) as PEM. */
  exportCertificate: rpcContract(
    'keystore.entries.export.v1',
    z.object({ alias, part: z.enum(['certificate', 'chain']) }).strict(),
    z.object({ alias: z.string(), pem: z.string() }),
  ),
  /** The same as a file to download: PEM text, a DER `.cer`, or a chain as a certs-only PKCS#7 `.p7b`. */
  downloadCertificate: rpcContract(
    'keystore.entries.download.v1',
    z.object({ alias, part: z.enum(['certificate', 'chain']), format: certificateFormatSchema }).strict(),
    downloadFileSchema,
  ),
  systemKeyStatus: rpcContract('keystore.system-key.status.v1', emptySchema, systemKeyStatusSchema),
  /** Issues a client certificate from the tenant's client CA for a public key the caller made. */
  issueClientCertificate: rpcContract(
    'keystore.client-ca.issue.v1',
    z.object({ subjectDN: z.string().min(1), publicKeyPem: pemSchema, validityDays: z.number().int().min(1).max(3650) }).strict(),
    z.object({ certificatePem: z.string(), chainPem: z.string() }),
  ),
  /** A new key pair with a self-signed certificate, until the CA's chain is imported. */
  generateKeyPair: rpcContract('keystore.key-pairs.generate.v1', generateKeyPairRequestSchema, keystoreEntryViewSchema),
  getCsr: rpcContract('keystore.key-pairs.csr.v1', z.object(keyPairTarget).strict(), z.object({ alias: z.string(), csrPem: z.string() })),
  /** Refused unless the leaf matches the private key and the chain verifies up to a root in it or in the keystore. */
  importChain: rpcContract('keystore.key-pairs.chain.import.v1', z.object({ ...keyPairTarget, chainPem: pemSchema }).strict(), keystoreEntryViewSchema),
  startRenewal: rpcContract('keystore.key-pairs.renewal.start.v1', startRenewalRequestSchema, keystoreEntryViewSchema),
  /** The pending pair becomes the entry's key pair, under the same alias. */
  activateRenewal: rpcContract('keystore.key-pairs.renewal.activate.v1', z.object({ alias }).strict(), keystoreEntryViewSchema),
  cancelRenewal: rpcContract('keystore.key-pairs.renewal.cancel.v1', z.object({ alias }).strict(), voidSchema),
  addTrustedCertificate: rpcContract('keystore.certificates.add.v1', z.object({ alias, certificatePem: pemSchema }).strict(), keystoreEntryViewSchema),
  importPkcs12: rpcContract('keystore.pkcs12.import.v1', z.object({ alias, password, pkcs12Base64 }).strict(), keystoreEntryViewSchema),
  exportPkcs12: rpcContract(
    'keystore.pkcs12.export.v1',
    z.object({ alias, password: password.min(1, 'a PKCS#12 export needs a password') }).strict(),
    z.object({ alias: z.string(), pkcs12Base64: z.string() }),
  ),
  /**
   * The flow runtime's way to a key pair for a receiver call: the private key comes
   * back sealed to the requester's one-time X25519 key, never readable on the wire.
   * Only flow-runtime may publish here (NATS permissions in docker-compose.yml).
   */
  keyMaterial: rpcContract('keystore.runtime.key-material.v1', keyMaterialRequestSchema, keyMaterialSchema),
  connectivityTls: rpcContract('keystore.connectivity.tls.v1', connectivityRequestSchema, connectivityResultSchema),
  /** The test's peer chain as a zip of DER `.cer` files, leaf first. */
  connectivityChainZip: rpcContract('keystore.connectivity.chain-zip.v1', connectivityRequestSchema, downloadFileSchema),
} as const;
