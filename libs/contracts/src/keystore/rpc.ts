import { z } from 'zod';
import { emptySchema, nameSchema, pemSchema, voidSchema } from '../common';
import { rpcContract } from '../rpc';
import { keystoreEntryViewSchema } from './model';

export const systemKeyStatusSchema = z.object({
  alias: z.string(),
  present: z.boolean(),
  valid: z.boolean(),
  notAfter: z.string().optional(),
  reason: z.string().optional(),
});
export type SystemKeyStatus = z.infer<typeof systemKeyStatusSchema>;

export const KeystoreRpc = {
  listEntries: rpcContract('keystore.entries.list.v1', emptySchema, z.object({ entries: z.array(keystoreEntryViewSchema) })),
  getEntry: rpcContract('keystore.entries.get.v1', z.object({ alias: nameSchema('an alias') }), keystoreEntryViewSchema),
  /** `force` is needed for the system key pair: deleting it turns certificate authentication off. */
  deleteEntry: rpcContract('keystore.entries.delete.v1', z.object({ alias: nameSchema('an alias'), force: z.boolean().default(false) }), voidSchema),
  systemKeyStatus: rpcContract('keystore.system-key.status.v1', emptySchema, systemKeyStatusSchema),
  /** Issues a client certificate from the tenant's client CA for a public key the caller made. */
  issueClientCertificate: rpcContract(
    'keystore.client-ca.issue.v1',
    z.object({ subjectDN: z.string().min(1), publicKeyPem: pemSchema, validityDays: z.number().int().min(1).max(3650) }).strict(),
    z.object({ certificatePem: z.string(), chainPem: z.string() }),
  ),
} as const;
