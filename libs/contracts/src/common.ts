import { z } from 'zod';

/** Names of instances, keys, flows and aliases: one subject/KV token, never a dot. */
export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const nameSchema = (what: string) => z.string().regex(NAME_PATTERN, `${what} must be 1-64 letters, digits, '_' or '-'`);

/**
 * Role names may hold dots (the predefined `ESBMessaging.send` does), but only between
 * other characters: a role name is part of a KV key, where `a..b` or `Role.` is invalid.
 */
export const ROLE_NAME_PATTERN = /^(?=.{1,64}$)[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
export const roleNameSchema = z.string().regex(ROLE_NAME_PATTERN, "a role name is 1-64 letters, digits, '_', '-' or '.'");

/** PEM text as JSON carries it: a string with `\n` line breaks. */
export const pemSchema = z
  .string()
  .min(1, 'PEM text is empty')
  .max(256 * 1024, 'PEM text is larger than 256 KiB');

/** What services tell each other about a certificate (never a private key). */
export const certificateInfoSchema = z.object({
  pem: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  subjectDN: z.string(),
  issuerDN: z.string(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

export const emptySchema = z.object({}).strict();
export const voidSchema = z.void();

/**
 * A file that a service builds for the console to hand out as it is: the console sets
 * the content type and, with a file name, offers it as an attachment.
 */
export const downloadFileSchema = z.object({
  contentType: z.string(),
  fileName: z.string().optional(),
  contentBase64: z.string(),
});
export type DownloadFile = z.infer<typeof downloadFileSchema>;
