import { STATUS_CODES } from 'node:http';
import type { DataPlaneError } from '../common/data-plane-responses';

/** The limits Node's HTTP server enforces before any handler runs, as the ingress configures them. */
export interface ParserLimits {
  /** INGRESS_MAX_HEADER_BYTES: request line plus headers. */
  maxHeaderBytes: number;
  /** `server.headersTimeout`: INGRESS_KEEP_ALIVE_TIMEOUT_MS + 1000. */
  headersTimeoutMs: number;
  /** `server.requestTimeout`: the whole request (Node's default, 300 s). */
  requestTimeoutMs: number;
}

/** llhttp's fixed limit on the extensions of one chunk of a chunked body. */
export const CHUNK_EXTENSIONS_MAX_BYTES = 16 * 1024;

export interface ClientErrorAnswer {
  status: number;
  body: DataPlaneError;
}

type ClientError = Error & { code?: unknown; reason?: unknown };

/**
 * What to answer a request Node's HTTP parser refused (the server's `clientError`
 * event), in the data-plane error shape, naming the limit and its value where a limit
 * was hit. Undefined for a connection that failed (reset, closed): there is nobody to
 * answer.
 */
export function clientErrorAnswer(err: ClientError, limits: ParserLimits): ClientErrorAnswer | undefined {
  const code = typeof err.code === 'string' ? err.code : '';
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return {
        status: 431,
        body: {
          error: 'request_headers_too_large',
          error_description: `the request line and headers exceed ${limits.maxHeaderBytes} bytes (INGRESS_MAX_HEADER_BYTES)`,
          details: { limit: 'INGRESS_MAX_HEADER_BYTES', maxBytes: limits.maxHeaderBytes },
        },
      };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return {
        status: 413,
        body: {
          error: 'payload_too_large',
          error_description: `the extensions of a chunk of the request body exceed ${CHUNK_EXTENSIONS_MAX_BYTES} bytes (fixed by Node's HTTP parser)`,
          details: { limit: 'chunk extensions', maxBytes: CHUNK_EXTENSIONS_MAX_BYTES },
        },
      };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return {
        status: 408,
        body: {
          error: 'request_timeout',
          error_description: `the request did not arrive in time: its headers are allowed ${limits.headersTimeoutMs} ms (INGRESS_KEEP_ALIVE_TIMEOUT_MS + 1000), all of it ${limits.requestTimeoutMs} ms`,
          details: { headersTimeoutMs: limits.headersTimeoutMs, requestTimeoutMs: limits.requestTimeoutMs },
        },
      };
  }
  if (!code.startsWith('HPE_')) return undefined;
  return {
    status: 400,
    body: {
      error: 'bad_request',
      error_description: `the request is not valid HTTP/1.1: ${parserReason(err)} (${code})`,
      details: { parserError: code },
    },
  };
}

/** llhttp's reason, a fixed sentence ("Invalid header value char"); kept printable and short all the same. */
function parserReason(err: ClientError): string {
  const reason = typeof err.reason === 'string' && err.reason ? err.reason : 'malformed request';
  return reason.replace(/[^\x20-\x7e]/g, '?').slice(0, 200);
}

/**
 * A whole HTTP/1.1 answer for writing straight onto the socket: there is no response
 * object for a request the parser refused. The connection closes after it.
 */
export function rawAnswer(status: number, body: DataPlaneError, requestId: string): string {
  const text = JSON.stringify(body);
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
    'content-type: application/json\r\n' +
    `content-length: ${Buffer.byteLength(text)}\r\n` +
    `x-request-id: ${requestId}\r\n` +
    'connection: close\r\n\r\n' +
    text
  );
}
