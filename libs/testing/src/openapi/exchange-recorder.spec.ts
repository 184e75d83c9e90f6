import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExchangeRecorder } from './exchange-recorder';

const document = {
  openapi: '3.1.0',
  paths: {
    '/api/v1/roles': {
      get: {
        operationId: 'RolesController_list',
        responses: { 200: { description: 'roles', content: { 'application/json': { schema: { type: 'array', items: { type: 'string' } } } } } },
      },
    },
  },
};

describe('ExchangeRecorder: the console exchanges of a suite, checked against the document the console serves', () => {
  let server: Server;
  let api: string;
  let answer: { status: number; body: string };

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/api/docs-json') return void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8' }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('records what the suite and its CLI processes received, and removes its directory when all of it matches', async () => {
    const recorder = new ExchangeRecorder('spec ok');
    await recorder.loadDocument(api);
    answer = { status: 200, body: '["Role1"]' };
    const res = await recorder.fetch(`${api}/roles?x=1`, { headers: { authorization: 'Bearer t' } });
    expect(await res.json()).toEqual(['Role1']);
    writeFileSync(
      recorder.cliLog(),
      JSON.stringify({ method: 'GET', path: '/api/v1/roles', query: {}, status: 200, contentType: 'application/json', body: [] }) + '\n',
    );
    expect(recorder.exchanges()).toEqual([
      expect.objectContaining({ method: 'GET', path: '/api/v1/roles', status: 200, body: [] }),
      expect.objectContaining({
        method: 'GET',
        path: '/api/v1/roles',
        query: { x: '1' },
        status: 200,
        contentType: 'application/json; charset=utf-8',
        body: ['Role1'],
      }),
    ]);
    recorder.verify();
    expect(existsSync(recorder.dir)).toBe(false);
  });

  it('throws on a drift, naming the operation and keeping the files; and when nothing was recorded', async () => {
    const recorder = new ExchangeRecorder('spec drift');
    await recorder.loadDocument(api);
    expect(() => recorder.verify()).toThrow(/only 0 exchanges with the console were recorded/);
    answer = { status: 200, body: '[1]' };
    await recorder.fetch(`${api}/roles`);
    answer = { status: 418, body: '{}' };
    await recorder.fetch(`${api}/roles`, { method: 'GET' });
    expect(() => recorder.verify()).toThrow(
      /2 kinds of response of 2 recorded do not match[^\n]*\n {2}- RolesController_list \(GET \/api\/v1\/roles\) → 200: body\/0 must be string .*\n {2}- RolesController_list \(GET \/api\/v1\/roles\) → 418: status 418 is not documented/,
    );
    expect(existsSync(recorder.dir)).toBe(true);
    rmSync(recorder.dir, { recursive: true, force: true });
  });
});
