import { z } from 'zod';
import { nameSchema, pemSchema } from '../common';
import { withKeySpec } from './model';

/*
 * Request bodies of the keystore's REST API (design §7). They differ from the NATS
 * requests only where the design names the fields for people (`chain`, `certificate`,
 * `pkcs12`) and where the alias comes from the path.
 */
export const importChainBodySchema = z.object({ chain: pemSchema }).strict();
export const addCertificateBodySchema = z.object({ alias: nameSchema('alias'), certificate: pemSchema }).strict();
export const importPkcs12BodySchema = z
  .object({ alias: nameSchema('alias'), password: z.string().max(1024), pkcs12: z.string().min(1, 'pkcs12 is empty: send the base64 text of the .p12 file') })
  .strict();
export const exportPkcs12BodySchema = z.object({ password: z.string().min(1, 'a PKCS#12 export needs a password').max(1024) }).strict();
export const renameEntryBodySchema = z.object({ newAlias: nameSchema('newAlias') }).strict();
export const startRenewalBodySchema = withKeySpec({
  subjectDN: z.string().min(1).optional(),
  validityDays: z.number().int().min(1).max(3650).optional(),
});
export const certificateFormatSchema = z.enum(['pem', 'der'], { error: "format must be 'pem' or 'der'" }).default('pem');
