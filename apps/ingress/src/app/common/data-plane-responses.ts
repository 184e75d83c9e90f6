import type { ServerResponse } from 'node:http';

/**
 * Data-plane rejections use the OAuth error shape (design §4, §7). A refusal for a
 * configured limit also names the limit and its value in `details`.
 */
export interface DataPlaneError {
  error: string;
  error_description: string;
  details?: Record<string, string | number>;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendError(res: ServerResponse, status: number, error: DataPlaneError, headers: Record<string, string> = {}): void {
  sendJson(res, status, error, headers);
}

export function sendText(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
