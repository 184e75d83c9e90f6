import type { IncomingMessage } from 'node:http';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { CertgateError, ErrorCode } from '@certgate/contracts';
import { parseStrictJson, StrictJsonError } from './strict-json';

/**
 * Request bodies of the admin API: JSON only, at most 1 MiB, parsed strictly.
 *
 * Every route that takes a body takes JSON: PEM certificates and chains are JSON
 * strings, a PKCS#12 file is base64 in JSON (`POST /keystore/pkcs12`), the declarative
 * configuration is applied by the CLI route by route. No route takes another media type;
 * one that should would be listed in {@link OTHER_BODY_TYPES} and read by a parser of
 * its own, before {@link useJsonRequestBody}.
 *
 * - A request without a body (no `Content-Length`, or 0, and no `Transfer-Encoding`) is
 *   left alone, whatever its `Content-Type`: a DELETE, a POST of an action.
 * - A body whose type is not `application/json` or `application/*+json`, or whose
 *   charset is not UTF-8, is refused with 415 `unsupported_media_type` naming what was
 *   sent (form-urlencoded bodies were once taken as if they were JSON).
 * - A body over 1 MiB is 413 `payload_too_large` naming the limit.
 * - A body that is not JSON, has a key twice at any depth, or a prototype key is 400
 *   `invalid_json` naming the problem ({@link parseStrictJson}).
 */
export const BODY_LIMIT_BYTES = 1024 * 1024;
const BODY_LIMIT_TEXT = `1 MiB (${BODY_LIMIT_BYTES} bytes)`;

/** Media types some route takes besides JSON: none (see above). */
export const OTHER_BODY_TYPES: readonly string[] = [];

const ACCEPTED = 'the admin API accepts application/json (or application/*+json) in UTF-8';
const ACCEPTED_TYPES = ['application/json', 'application/*+json'];

/** `application/json`, `application/merge-patch+json`, ... (parameters aside). */
export function isJsonMediaType(mediaType: string): boolean {
  return mediaType === 'application/json' || /^application\/[a-z0-9!#$&^_.-]+\+json$/.test(mediaType);
}

/** The media type of a `Content-Type` header, lower case, without parameters (`''` when there is none). */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1].toLowerCase();
}

/** Whether a request carries a body: a `Content-Length` above 0, or a `Transfer-Encoding` (chunked). */
export function hasBody(req: Pick<Request, 'headers'>): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return !Number.isNaN(length) && length > 0;
}

/** 415 for a body that is not UTF-8 JSON, before a byte of it is read. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  if (!hasBody(req)) return next();
  const contentType = req.headers['content-type'];
  const mediaType = mediaTypeOf(contentType);
  if (OTHER_BODY_TYPES.includes(mediaType)) return next();
  if (!mediaType) {
    return next(new CertgateError(ErrorCode.unsupportedMediaType, `request body without a Content-Type: ${ACCEPTED}`, { accepted: ACCEPTED_TYPES }));
  }
  if (!isJsonMediaType(mediaType)) {
    return next(
      new CertgateError(ErrorCode.unsupportedMediaType, `request body of type ${mediaType}: ${ACCEPTED}`, { contentType: mediaType, accepted: ACCEPTED_TYPES }),
    );
  }
  const charset = charsetOf(contentType);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    return next(
      new CertgateError(ErrorCode.unsupportedMediaType, `request body in charset ${charset}: ${ACCEPTED}`, {
        contentType: mediaType,
        charset,
        accepted: ACCEPTED_TYPES,
      }),
    );
  }
  next();
}

/** Parses the text body-parser's text reader read; an empty body is `{}` (as body-parser's JSON parser had it). */
export function parseJsonBody(req: Request, _res: Response, next: NextFunction): void {
  if (typeof req.body !== 'string') return next();
  const text = req.body;
  try {
    req.body = text === '' ? {} : parseStrictJson(text);
    next();
  } catch (err) {
    req.body = undefined;
    next(invalidJson(err));
  }
}

function invalidJson(err: unknown): CertgateError {
  if (err instanceof StrictJsonError) {
    return new CertgateError(ErrorCode.invalidJson, `request body: ${err.message}`, {
      ...(err.key !== undefined && { key: err.key }),
      ...(err.path !== undefined && { path: err.path }),
    });
  }
  return new CertgateError(ErrorCode.invalidJson, `request body is not valid JSON: ${(err as Error).message}`);
}

/**
 * The body reader's errors in the API's terms: over the limit → 413 naming it; a
 * `Content-Encoding` it cannot undo → 415; a body cut short or whose length does not
 * match its `Content-Length` → 400 `bad_request`. Anything else passes on.
 */
export function requestBodyErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  next(bodyReadError(err) ?? err);
}

/** A body reader (body-parser, raw-body) error as a CertgateError; undefined for any other error. */
export function bodyReadError(err: unknown): CertgateError | undefined {
  const e = err as { type?: unknown; status?: unknown; message?: unknown; encoding?: unknown; charset?: unknown } | undefined;
  switch (e?.type) {
    case 'entity.too.large':
      return new CertgateError(ErrorCode.payloadTooLarge, `request body exceeds ${BODY_LIMIT_TEXT}`, { limit: BODY_LIMIT_BYTES });
    case 'entity.parse.failed':
      return new CertgateError(ErrorCode.invalidJson, `request body is not valid JSON: ${String(e.message)}`);
    case 'encoding.unsupported':
      return new CertgateError(
        ErrorCode.unsupportedMediaType,
        `request body with Content-Encoding ${String(e.encoding)}, which the console cannot decode: send it uncompressed, or as gzip, deflate or br`,
        { contentEncoding: String(e.encoding) },
      );
    case 'charset.unsupported':
      return new CertgateError(ErrorCode.unsupportedMediaType, `request body in charset ${String(e.charset)}: ${ACCEPTED}`, {
        charset: String(e.charset),
        accepted: ACCEPTED_TYPES,
      });
    case 'request.aborted':
    case 'request.size.invalid':
      return new CertgateError(ErrorCode.badRequest, `request body could not be read: ${String(e.message)}`);
    default:
      return undefined;
  }
}

/**
 * The body middleware of the console, in order: the media type check, the reader (as
 * text, through body-parser: Content-Encoding, the 1 MiB limit counted after
 * decompression), the strict parser, and the errors of all three in the API's terms.
 * Instead of Nest's own parsers (create the app with `bodyParser: false`), which took
 * form-urlencoded bodies as well. Before any route.
 */
export function useJsonRequestBody(app: NestExpressApplication): void {
  app.use(requireJsonBody);
  app.useBodyParser('text', {
    type: (req: IncomingMessage) => isJsonMediaType(mediaTypeOf(req.headers['content-type'])),
    limit: BODY_LIMIT_BYTES,
    defaultCharset: 'utf-8',
  });
  app.use(parseJsonBody, requestBodyErrors);
}
