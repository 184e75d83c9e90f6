import { gzipSync } from 'node:zlib';
import { Body, Controller, Delete, HttpCode, Module, Param, Post, Put } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { z } from 'zod';
import { ApiErrorFilter } from './error.filter';
import { useJsonRequestBody, hasBody, isJsonMediaType } from './request-body';
import { ZodBody } from './zod-body.pipe';

const thing = z.object({ name: z.string(), tags: z.array(z.string()).optional() }).strict();
const received: unknown[] = [];

@Controller('things')
class ThingsController {
  @Post()
  create(@Body(new ZodBody(thing)) body: z.infer<typeof thing>) {
    received.push(body);
    return body;
  }

  @Put(':id')
  put(@Param('id') id: string, @Body(new ZodBody(thing)) body: z.infer<typeof thing>) {
    received.push(body);
    return { id, ...body };
  }

  @Delete(':id')
  @HttpCode(204)
  remove(): void {
    received.push('deleted');
  }

  /** An action without a body. */
  @Post(':id/run')
  @HttpCode(200)
  run(@Body() body: unknown) {
    received.push(body ?? 'no body');
    return { ran: true };
  }
}

@Module({ controllers: [ThingsController], providers: [{ provide: APP_FILTER, useClass: ApiErrorFilter }] })
class ThingsModule {}

interface Answer {
  status: number;
  headers: Headers;
  body: { error?: string; message?: string; details?: Record<string, unknown> } & Record<string, unknown>;
}

describe('request bodies: JSON only, at most 1 MiB, strictly parsed; requests no route takes in the design shape', () => {
  let app: NestExpressApplication;
  let base: string;

  const send = async (method: string, path: string, init: { type?: string; body?: string | Uint8Array; headers?: Record<string, string> } = {}) => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { ...(init.type && { 'content-type': init.type }), ...init.headers },
      body: init.body,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} } as Answer;
  };

  beforeAll(async () => {
    app = await NestFactory.create<NestExpressApplication>(ThingsModule, { logger: false, bodyParser: false });
    useJsonRequestBody(app);
    app.setGlobalPrefix('api/v1');
    await app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}/api/v1`;
  });

  afterAll(async () => {
    await app?.close();
  });

  beforeEach(() => {
    received.length = 0;
  });

  it('takes JSON, and application/*+json, with or without charset=utf-8', async () => {
    for (const type of ['application/json', 'application/json; charset=utf-8', 'Application/JSON;Charset="UTF-8"', 'application/merge-patch+json']) {
      expect(await send('POST', '/things', { type, body: '{"name":"a"}' })).toMatchObject({ status: 201, body: { name: 'a' } });
    }
    expect(
      await send('POST', '/things', { type: 'application/json', body: gzipSync('{"name":"zipped"}'), headers: { 'content-encoding': 'gzip' } }),
    ).toMatchObject({
      status: 201,
      body: { name: 'zipped' },
    });
    expect(received).toHaveLength(5);
  });

  it('refuses a body of any other type with 415 naming what was sent and what is accepted', async () => {
    const form = await send('POST', '/things', { type: 'application/x-www-form-urlencoded', body: 'name=form' });
    expect(form).toMatchObject({
      status: 415,
      body: {
        error: 'unsupported_media_type',
        message: 'request body of type application/x-www-form-urlencoded: the admin API accepts application/json (or application/*+json) in UTF-8',
        details: { contentType: 'application/x-www-form-urlencoded', accepted: ['application/json', 'application/*+json'] },
      },
    });
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/octet-stream', 'application/jsonx', 'text/json']) {
      const answer = await send('PUT', '/things/t1', { type, body: '{"name":"x"}' });
      expect({ type, status: answer.status, error: answer.body.error }).toEqual({ type, status: 415, error: 'unsupported_media_type' });
      expect(answer.body.message).toContain(`request body of type ${type.split(';')[0]}`);
    }
    const untyped = await fetch(`${base}/things`, { method: 'POST', body: new Uint8Array(Buffer.from('{"name":"x"}')) });
    expect(untyped.status).toBe(415);
    expect(((await untyped.json()) as Answer['body']).message).toBe(
      'request body without a Content-Type: the admin API accepts application/json (or application/*+json) in UTF-8',
    );
    const latin = await send('POST', '/things', { type: 'application/json; charset=latin1', body: '{"name":"x"}' });
    expect(latin.body).toMatchObject({ error: 'unsupported_media_type', message: expect.stringContaining('request body in charset latin1') });
    const compress = await send('POST', '/things', { type: 'application/json', body: '{"name":"x"}', headers: { 'content-encoding': 'compress' } });
    expect(compress).toMatchObject({ status: 415, body: { error: 'unsupported_media_type', details: { contentEncoding: 'compress' } } });
    expect(received).toEqual([]);
  });

  it('leaves a request without a body alone, whatever its Content-Type', async () => {
    expect((await send('DELETE', '/things/t1', { type: 'text/plain' })).status).toBe(204);
    expect(await send('POST', '/things/t1/run')).toMatchObject({ status: 200, body: { ran: true } });
    expect(await send('POST', '/things/t1/run', { type: 'application/x-www-form-urlencoded' })).toMatchObject({ status: 200 });
    // An empty JSON body is `{}`, as it was with body-parser.
    expect(await send('POST', '/things/t1/run', { type: 'application/json', body: '' })).toMatchObject({ status: 200 });
    expect(received).toEqual(['deleted', 'no body', 'no body', {}]);
    expect(await send('POST', '/things')).toMatchObject({ status: 400, body: { error: 'body_missing' } });
  });

  it('refuses a key given twice, at the top or nested, naming the key and its path; and __proto__', async () => {
    const top = await send('POST', '/things', { type: 'application/json', body: '{"name":"a","name":"b"}' });
    expect(top).toMatchObject({
      status: 400,
      body: {
        error: 'invalid_json',
        message: 'request body: duplicate key "name" at $ (a key may appear once per object)',
        details: { key: 'name', path: '$' },
      },
    });
    const nested = await send('PUT', '/things/t1', { type: 'application/json', body: '{"name":"a","tags":["x"],"meta":[{"k":1,"k":2}]}' });
    expect(nested.body).toEqual({
      error: 'invalid_json',
      message: 'request body: duplicate key "k" at $.meta[0] (a key may appear once per object)',
      details: { key: 'k', path: '$.meta[0]' },
    });
    const proto = await send('POST', '/things', { type: 'application/json', body: '{"name":"a","__proto__":{"admin":true}}' });
    expect(proto.body).toMatchObject({ error: 'invalid_json', details: { key: '__proto__', path: '$' } });
    const broken = await send('POST', '/things', { type: 'application/json', body: '{"name":' });
    expect(broken).toMatchObject({ status: 400, body: { error: 'invalid_json', message: expect.stringMatching(/^request body is not valid JSON: /) } });
    const scalar = await send('POST', '/things', { type: 'application/json', body: '"name"' });
    expect(scalar.body).toMatchObject({ error: 'invalid_json', message: 'request body: expected an object or an array at the top level, not a string' });
    expect(received).toEqual([]);
  });

  it('refuses a body over 1 MiB with 413 naming the limit, whether its length is announced or streamed', async () => {
    const big = JSON.stringify({ name: 'x'.repeat(1024 * 1024) });
    const announced = await send('POST', '/things', { type: 'application/json', body: big });
    expect(announced).toMatchObject({
      status: 413,
      body: { error: 'payload_too_large', message: 'request body exceeds 1 MiB (1048576 bytes)', details: { limit: 1048576 } },
    });
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(Buffer.from(big));
        c.close();
      },
    });
    const res = await fetch(`${base}/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as Answer['body']).message).toBe('request body exceeds 1 MiB (1048576 bytes)');
    // Counted after decompression: a small gzip of a large body is refused too.
    const bomb = await send('POST', '/things', { type: 'application/json', body: gzipSync(big), headers: { 'content-encoding': 'gzip' } });
    expect(bomb).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
    expect(received).toEqual([]);
  });

  it('answers a request no route takes in the design shape: 404 naming method and path, the missing id, or 405 with Allow', async () => {
    expect(await send('GET', '/nope/deeper?x=1')).toMatchObject({
      status: 404,
      body: { error: 'not_found', message: 'no route GET /api/v1/nope/deeper: the admin API has no such path (its routes are listed at /api/docs)' },
    });
    expect(await send('PUT', '/things/', { type: 'application/json', body: '{"name":"a"}' })).toMatchObject({
      status: 404,
      body: {
        error: 'not_found',
        message: 'no route PUT /api/v1/things/: the path parameter {id} is missing (PUT /api/v1/things/{id} needs it)',
        details: { missing: ['id'], route: '/api/v1/things/{id}' },
      },
    });
    expect((await send('POST', '/things//run')).body.message).toBe(
      'no route POST /api/v1/things//run: the path parameter {id} is missing (POST /api/v1/things/{id}/run needs it)',
    );
    const patch = await send('PATCH', '/things/t1', { type: 'application/json', body: '{"name":"a"}' });
    expect(patch).toMatchObject({
      status: 405,
      body: { error: 'method_not_allowed', message: 'no route PATCH /api/v1/things/t1: this path takes DELETE, PUT', details: { allowed: ['DELETE', 'PUT'] } },
    });
    expect(patch.headers.get('allow')).toBe('DELETE, PUT');
    expect(received).toEqual([]);
  });
});

describe('hasBody, isJsonMediaType', () => {
  it('a body is announced by a Content-Length above 0 or a Transfer-Encoding', () => {
    expect(hasBody({ headers: {} })).toBe(false);
    expect(hasBody({ headers: { 'content-length': '0' } })).toBe(false);
    expect(hasBody({ headers: { 'content-length': '2' } })).toBe(true);
    expect(hasBody({ headers: { 'transfer-encoding': 'chunked' } })).toBe(true);
  });

  it('JSON is application/json and application/<anything>+json', () => {
    expect(['application/json', 'application/problem+json', 'application/vnd.certgate.v1+json'].every(isJsonMediaType)).toBe(true);
    expect(['text/json', 'application/jsonx', 'application/json-seq', 'application/+json', ''].some(isJsonMediaType)).toBe(false);
  });
});
