import { request } from 'node:https';

export interface HttpsResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTPS request on a fresh connection (no agent), optionally with a client certificate. */
export function httpsGet(url: string, tls: { ca?: string; cert?: string; key?: string } = {}, send?: { method: string; body: Buffer }): Promise<HttpsResult> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: send?.method ?? 'GET', agent: false, ...tls }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(send?.body);
  });
}
