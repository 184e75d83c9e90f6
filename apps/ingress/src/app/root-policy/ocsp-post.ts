import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** An OCSP response is a few hundred bytes; a responder sending more is not one. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * One OCSP POST on a connection of its own, closed after the answer: answers are cached
 * for up to an hour, so a kept-alive connection would only hold a responder's slot.
 */
export function postOcsp(url: string, body: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const request = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = request(
      url,
      { method: 'POST', agent: false, timeout: timeoutMs, headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' } },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_RESPONSE_BYTES) req.destroy(new Error(`sent more than ${MAX_RESPONSE_BYTES} bytes, more than an OCSP response has`));
          else chunks.push(chunk);
        });
        res.on('end', () => (res.statusCode === 200 ? resolve(new Uint8Array(Buffer.concat(chunks))) : reject(new Error(`answered ${res.statusCode}`))));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
