import { CHUNK_EXTENSIONS_MAX_BYTES, clientErrorAnswer, rawAnswer } from './client-errors';

const LIMITS = { maxHeaderBytes: 16384, headersTimeoutMs: 66000, requestTimeoutMs: 300000 };
const parserError = (code: string, reason?: string) => Object.assign(new Error(`Parse Error: ${reason}`), { code, reason });

describe('answers to requests the HTTP parser refused', () => {
  it('headers (or the URL) over INGRESS_MAX_HEADER_BYTES → 431 naming the limit and its value', () => {
    expect(clientErrorAnswer(parserError('HPE_HEADER_OVERFLOW', 'Header overflow'), LIMITS)).toEqual({
      status: 431,
      body: {
        error: 'request_headers_too_large',
        error_description: 'the request line and headers exceed 16384 bytes (INGRESS_MAX_HEADER_BYTES)',
        details: { limit: 'INGRESS_MAX_HEADER_BYTES', maxBytes: 16384 },
      },
    });
  });

  it("chunk extensions over llhttp's fixed limit → 413", () => {
    expect(clientErrorAnswer(parserError('HPE_CHUNK_EXTENSIONS_OVERFLOW', 'Chunk extensions overflow'), LIMITS)).toEqual({
      status: 413,
      body: {
        error: 'payload_too_large',
        error_description: `the extensions of a chunk of the request body exceed ${CHUNK_EXTENSIONS_MAX_BYTES} bytes (fixed by Node's HTTP parser)`,
        details: { limit: 'chunk extensions', maxBytes: CHUNK_EXTENSIONS_MAX_BYTES },
      },
    });
  });

  it('a request that does not arrive in time → 408 naming both timeouts', () => {
    const answer = clientErrorAnswer(Object.assign(new Error('Request timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' }), LIMITS);
    expect(answer).toEqual({
      status: 408,
      body: {
        error: 'request_timeout',
        error_description: 'the request did not arrive in time: its headers are allowed 66000 ms (INGRESS_KEEP_ALIVE_TIMEOUT_MS + 1000), all of it 300000 ms',
        details: { headersTimeoutMs: 66000, requestTimeoutMs: 300000 },
      },
    });
  });

  it.each([
    ['HPE_INVALID_METHOD', 'Invalid method encountered'],
    ['HPE_INVALID_HEADER_TOKEN', 'Invalid header token'],
    ['HPE_INVALID_TRANSFER_ENCODING', "Transfer-Encoding can't be present with Content-Length"],
    ['HPE_INVALID_CONTENT_LENGTH', 'Invalid character in Content-Length'],
  ])('malformed HTTP (%s) → 400 bad_request with the parser reason', (code, reason) => {
    expect(clientErrorAnswer(parserError(code, reason), LIMITS)).toEqual({
      status: 400,
      body: { error: 'bad_request', error_description: `the request is not valid HTTP/1.1: ${reason} (${code})`, details: { parserError: code } },
    });
  });

  it('a parser error without a reason, or with control characters in it, still reads well', () => {
    expect(clientErrorAnswer(Object.assign(new Error('x'), { code: 'HPE_STRICT' }), LIMITS)?.body.error_description).toBe(
      'the request is not valid HTTP/1.1: malformed request (HPE_STRICT)',
    );
    expect(clientErrorAnswer(parserError('HPE_X', 'a\r\nb'), LIMITS)?.body.error_description).toContain('a??b');
  });

  it.each(['ECONNRESET', 'EPIPE', undefined])('a failed connection (%s) is not answered', (code) => {
    expect(clientErrorAnswer(Object.assign(new Error('gone'), { code }), LIMITS)).toBeUndefined();
  });

  it('the raw answer is a whole HTTP/1.1 response that closes the connection', () => {
    const body = { error: 'bad_request', error_description: 'no – way', details: { parserError: 'HPE_X' } };
    const text = rawAnswer(400, body, 'r-1');
    const [head, json] = text.split('\r\n\r\n');
    expect(head.split('\r\n')).toEqual([
      'HTTP/1.1 400 Bad Request',
      'content-type: application/json',
      `content-length: ${Buffer.byteLength(json)}`,
      'x-request-id: r-1',
      'connection: close',
    ]);
    expect(JSON.parse(json)).toEqual(body);
    expect(rawAnswer(431, body, 'r').startsWith('HTTP/1.1 431 Request Header Fields Too Large\r\n')).toBe(true);
  });
});
