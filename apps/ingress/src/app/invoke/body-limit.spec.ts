import { PassThrough, Readable } from 'node:stream';
import { bodyTooLarge, declaredTooLarge, declaresNoBody, readLimitedBody } from './body-limit';

describe('request body limit', () => {
  describe('declared Content-Length', () => {
    it('is too large only above the limit', () => {
      expect(declaredTooLarge({ 'content-length': '1025' }, 1024)).toBe(true);
      expect(declaredTooLarge({ 'content-length': '1024' }, 1024)).toBe(false);
      expect(declaredTooLarge({ 'content-length': '0' }, 1024)).toBe(false);
    });

    it('without Content-Length (chunked) nothing is declared, so the streamed count decides', () => {
      expect(declaredTooLarge({ 'transfer-encoding': 'chunked' }, 1)).toBe(false);
    });
  });

  describe('no body at all', () => {
    it('without Transfer-Encoding and with no or a zero Content-Length', () => {
      expect(declaresNoBody({})).toBe(true);
      expect(declaresNoBody({ 'content-length': '0' })).toBe(true);
    });

    it('not with a length above zero or a transfer coding, whatever the length says', () => {
      expect(declaresNoBody({ 'content-length': '1' })).toBe(false);
      expect(declaresNoBody({ 'transfer-encoding': 'chunked' })).toBe(false);
      expect(declaresNoBody({ 'transfer-encoding': 'chunked', 'content-length': '0' })).toBe(false);
    });
  });

  describe('streamed bytes', () => {
    it('a body of exactly the limit is read whole', async () => {
      const body = Buffer.alloc(1024, 7);
      await expect(readLimitedBody(Readable.from([body.subarray(0, 500), body.subarray(500)]), 1024)).resolves.toEqual({ kind: 'ok', body });
    });

    it('an empty body is an empty buffer', async () => {
      await expect(readLimitedBody(Readable.from([]), 10)).resolves.toEqual({ kind: 'ok', body: Buffer.alloc(0) });
    });

    it('stops reading as soon as the count passes the limit, without waiting for the rest', async () => {
      const stream = new PassThrough();
      const outcome = readLimitedBody(stream, 1024);
      stream.write(Buffer.alloc(1000));
      stream.write(Buffer.alloc(100));
      // The stream never ends: only the count can settle the promise.
      await expect(outcome).resolves.toEqual({ kind: 'too_large', receivedBytes: 1100 });
      expect(stream.isPaused()).toBe(true);
      expect(stream.listenerCount('data')).toBe(0);
    });

    it('a client that goes away mid-body is an abort, not a body', async () => {
      const stream = new PassThrough();
      const outcome = readLimitedBody(stream, 1024);
      stream.write(Buffer.alloc(10));
      stream.destroy();
      await expect(outcome).resolves.toEqual({ kind: 'aborted' });
    });
  });

  describe('the 413 answer', () => {
    it('names the limit and its value', () => {
      expect(bodyTooLarge(65536, 65536)).toEqual({
        error: 'payload_too_large',
        error_description: 'the request body is larger than 65536 bytes (INGRESS_MAX_BODY_BYTES)',
        details: { limit: 'INGRESS_MAX_BODY_BYTES', maxBytes: 65536 },
      });
    });

    it('says so when the limit was lowered to what one NATS message carries', () => {
      expect(bodyTooLarge(983040, 1048576)).toEqual({
        error: 'payload_too_large',
        error_description: 'the request body is larger than 983040 bytes (INGRESS_MAX_BODY_BYTES, lowered to what one NATS message carries)',
        details: { limit: 'INGRESS_MAX_BODY_BYTES', maxBytes: 983040, configuredBytes: 1048576 },
      });
    });
  });
});
