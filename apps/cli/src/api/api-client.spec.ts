import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeConsole } from '../testing/fake-console';
import { ApiClient, fileNameOf } from './api-client';
import { ApiError, errorLine } from './api-error';
import { ExchangeLog } from './exchange-log';

describe('api client (against a local HTTP server)', () => {
  let fake: FakeConsole;
  let dir: string;
  const client = (log?: ExchangeLog) => new ApiClient({ url: fake.url, token: 't0ken', tokenSource: '--token' }, log);

  beforeEach(async () => {
    fake = await new FakeConsole().start();
    dir = mkdtempSync(join(tmpdir(), 'certgate-cli-api-'));
  });
  afterEach(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends the Bearer token and JSON, encodes path and query, and returns the JSON answer', async () => {
    fake.on('POST /users/john.doe@acme.com/x', { status: 201, json: { ok: true } });
    const res = await client().json('POST', '/users/john.doe%40acme.com/x', { body: { a: 1 }, query: { limit: 5, user: 'a b', none: undefined } });
    expect(res).toMatchObject({ status: 201, body: { ok: true } });
    const seen = fake.last('POST /users/john.doe@acme.com/x');
    expect(seen?.headers.authorization).toBe('Bearer t0ken');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.query).toEqual({ limit: '5', user: 'a b' });
    expect(seen?.body).toEqual({ a: 1 });
  });

  it('sends no body and no content type when there is none; a 204 is undefined', async () => {
    fake.on('DELETE /roles/r', { status: 204 });
    await expect(client().delete('/roles/r')).resolves.toBeUndefined();
    expect(fake.last('DELETE /roles/r')?.headers['content-type']).toBeUndefined();
  });

  it('turns an error answer into one line: error <code>: <message> [details], keeping status, code and details', async () => {
    fake.on('POST /service-instances/a/keys', {
      status: 409,
      json: { error: 'certificate_in_use', message: "already in key 'k1'\nof instance 'a'", details: { instance: 'a', key: 'k1', issues: [{ x: 1 }] } },
    });
    const err = await client()
      .post('/service-instances/a/keys', {})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'certificate_in_use', details: { instance: 'a', key: 'k1' } });
    expect((err as ApiError).message).toBe("error certificate_in_use: already in key 'k1' of instance 'a' [instance=a, key=k1]");
  });

  it('says where the token came from when the console refuses it', async () => {
    fake.on('GET /health', { status: 401, json: { error: 'unauthorized', message: 'the bearer token is neither the admin token nor an API token' } });
    await expect(client().get('/health')).rejects.toThrow(
      'error unauthorized: the bearer token is neither the admin token nor an API token (admin token from --token)',
    );
  });

  it('copes with an error answer that is not JSON (a proxy page)', async () => {
    fake.on('GET /health', { status: 502, bytes: '<html>\nBad Gateway</html>', headers: { 'content-type': 'text/html' } });
    await expect(client().get('/health')).rejects.toThrow('error http_502: <html>');
  });

  it('reports a console that does not answer as console_unreachable', async () => {
    const url = fake.url;
    await fake.stop();
    const err = (await new ApiClient({ url, token: 't', tokenSource: 'x' }).get('/health').catch((e: unknown) => e)) as ApiError;
    expect(err).toMatchObject({ status: 0, code: 'console_unreachable' });
    expect(err.message).toMatch(/^error console_unreachable: cannot reach the console at http:\/\/127\.0\.0\.1:\d+\/api\/v1: ECONNREFUSED$/);
  });

  it('downloads bytes with content type and the file name of Content-Disposition', async () => {
    const der = Buffer.from([0x30, 0x82, 0x01, 0x00, 0xff]);
    fake.on('GET /keystore/entries/a/certificate', {
      bytes: der,
      headers: { 'content-type': 'application/pkix-cert', 'content-disposition': 'attachment; filename="a.cer"' },
    });
    const file = await client().download('GET', '/keystore/entries/a/certificate', { query: { format: 'der' } });
    expect(file).toEqual({ bytes: der, contentType: 'application/pkix-cert', fileName: 'a.cer' });
    expect(fake.last('GET /keystore/entries/a/certificate')?.query).toEqual({ format: 'der' });
  });

  it('a download refused is the same error line', async () => {
    fake.on('POST /keystore/entries/x/pkcs12', { status: 404, json: { error: 'entry_not_found', message: "no keystore entry 'x'", details: { alias: 'x' } } });
    await expect(client().download('POST', '/keystore/entries/x/pkcs12', { body: { password: 'p' } })).rejects.toThrow(
      "error entry_not_found: no keystore entry 'x' [alias=x]",
    );
  });

  it('records every exchange as one JSON line when asked, never the token and never a secret', async () => {
    const file = join(dir, 'http.jsonl');
    fake
      .on('POST /keystore/pkcs12', { status: 201, json: { alias: 'p' } })
      .on('POST /service-instances/i/keys', {
        status: 201,
        json: { name: 'k', key: '-----BEGIN PRIVATE KEY-----\nMIG\n-----END PRIVATE KEY-----\n', clientsecret: 's3cr3t' },
      })
      .on('GET /keystore/entries/a/chain', { bytes: 'PEM', headers: { 'content-type': 'application/x-pem-file' } })
      .on('GET /roles/x', { status: 404, json: { error: 'role_not_found', message: 'no role x', details: { key: 'k1' } } });
    const api = client(new ExchangeLog(file));
    await api.post('/keystore/pkcs12', { alias: 'p', password: 'pw', pkcs12: 'MIIB' }, { q: 1 });
    await api.post('/service-instances/i/keys', { name: 'k', type: 'certificate' });
    await api.download('GET', '/keystore/entries/a/chain', { query: { format: 'pem' } });
    await api.get('/roles/x').catch(() => undefined);

    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('t0ken');
    expect(text).not.toContain('s3cr3t');
    expect(text).not.toContain('PRIVATE KEY');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/api/v1/keystore/pkcs12',
        query: { q: '1' },
        requestContentType: 'application/json',
        requestBody: { alias: 'p', password: '[redacted]', pkcs12: '[redacted]' },
        status: 201,
        contentType: 'application/json; charset=utf-8',
        body: { alias: 'p' },
      }),
      expect.objectContaining({ status: 201, body: { name: 'k', key: '[redacted]', clientsecret: '[redacted]' } }),
      expect.objectContaining({
        method: 'GET',
        path: '/api/v1/keystore/entries/a/chain',
        query: { format: 'pem' },
        status: 200,
        contentType: 'application/x-pem-file',
        bytes: 3,
      }),
      // A key *name* in details is not a secret.
      expect.objectContaining({ status: 404, body: { error: 'role_not_found', message: 'no role x', details: { key: 'k1' } } }),
    ]);
    for (const line of lines) expect(Object.keys(line)).not.toContain('headers');
    expect(typeof lines[0].time).toBe('string');
  });
});

describe('error line and file names', () => {
  it('prints nested details as compact JSON and cuts very long values', () => {
    expect(errorLine('role_in_use', 'in use', { role: 'R', instances: ['a', 'b'], flows: [] })).toBe(
      'error role_in_use: in use [role=R, instances=["a","b"], flows=[]]',
    );
    expect(errorLine('x', 'm', { big: 'y'.repeat(500) })).toMatch(/big=y{199}…\]$/);
    expect(errorLine('x', 'm')).toBe('error x: m');
  });

  it('reads plain, quoted and RFC 6266 extended file names', () => {
    expect(fileNameOf('attachment; filename="a b.p12"')).toBe('a b.p12');
    expect(fileNameOf('attachment; filename=chain.zip')).toBe('chain.zip');
    expect(fileNameOf("attachment; filename*=UTF-8''z%C3%BCrich.cer")).toBe('zürich.cer');
    expect(fileNameOf(null)).toBeUndefined();
    expect(fileNameOf('inline')).toBeUndefined();
  });
});
