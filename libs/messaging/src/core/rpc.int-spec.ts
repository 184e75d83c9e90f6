import { ErrorCode as NatsErrorCode, NatsError, type NatsConnection, type Subscription } from 'nats';
import { z } from 'zod';
import { CertgateError, rpcContract, tenantSubject, type RpcContract } from '@certgate/contracts';
import { certgateFailure, startNatsHarness, uniqueTenant, type NatsHarness } from '@certgate/testing';
import { connectNats } from './connect';
import { RpcClient } from './rpc-client';
import { serveRpc, type RequestHandlerFn, type ServeOptions } from './rpc-server';
import { decodeJson, encodeJson } from './codec';

/** A small contract of the test's own (subjects are relative to the tenant namespace). */
const add = rpcContract('test.add.v1', z.object({ a: z.number().int(), b: z.number().int() }).strict(), z.object({ sum: z.number() }));
/** Same subject, but the client does not validate: lets an invalid body reach the server. */
const addUnchecked = rpcContract(add.subject, z.any(), z.any());

describe('serveRpc + RpcClient over a real NATS', () => {
  let h: NatsHarness;
  let client: RpcClient;
  const subs: Subscription[] = [];
  const extraConnections: NatsConnection[] = [];

  /** Each test serves its own subject, so tests never see each other's handlers. */
  let seq = 0;
  const uniqueSubject = (name: string) => `test.${name}.${++seq}.v1`;

  const serve = <Req extends z.ZodType, Res extends z.ZodType>(
    nc: NatsConnection,
    contract: RpcContract<Req, Res>,
    handler: RequestHandlerFn<Req, Res>,
    opts: ServeOptions,
  ) => {
    const sub = serveRpc(nc, contract, handler, opts);
    subs.push(sub);
    return sub;
  };

  const secondConnection = async (name: string) => {
    const nc = await connectNats({ servers: h.url, user: h.user, pass: h.pass, name, mode: 'test' });
    extraConnections.push(nc);
    return nc;
  };

  beforeAll(async () => {
    h = await startNatsHarness({ label: 'rpc' });
    client = new RpcClient(h.nc, h.tenant);
  });

  afterEach(async () => {
    await Promise.allSettled(subs.splice(0).map((s) => s.drain()));
  });

  afterAll(async () => {
    await Promise.allSettled(extraConnections.map((nc) => nc.drain()));
    await h?.stop();
  });

  it('round trip: the handler gets the validated request and the client the validated reply', async () => {
    const seen: unknown[] = [];
    serve(
      h.nc,
      add,
      (body) => {
        seen.push(body);
        return { sum: body.a + body.b };
      },
      { tenant: h.tenant },
    );
    await expect(client.request(add, { a: 2, b: 40 })).resolves.toEqual({ sum: 42 });
    expect(seen).toEqual([{ a: 2, b: 40 }]);
  });

  it('serves on certgate.<tenant>.<subject> and answers in the {ok, data} shape', async () => {
    serve(h.nc, add, (b) => ({ sum: b.a + b.b }), { tenant: h.tenant });
    const msg = await h.nc.request(`certgate.${h.tenant}.${add.subject}`, encodeJson({ a: 1, b: 1 }), { timeout: 5000 });
    expect(decodeJson(msg.data)).toEqual({ ok: true, data: { sum: 2 } });
  });

  it('a request that fails validation on the server → validation_failed with the issues in details', async () => {
    const handler = jest.fn(() => ({ sum: 0 }));
    serve(h.nc, add, handler, { tenant: h.tenant });
    const err = await certgateFailure(client.request(addUnchecked, { a: 'two', b: 1 }));
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.code).toBe('validation_failed');
    expect(err.httpStatus).toBe(400);
    expect(err.message).toMatch(/^invalid request: a: /);
    expect(err.details).toMatchObject({ field: 'a' });
    const issues = (err.details as { issues: { path: unknown[] }[] }).issues;
    expect(Array.isArray(issues)).toBe(true);
    expect(issues.map((i) => i.path)).toContainEqual(['a']);
    expect(handler).not.toHaveBeenCalled();
  });

  it('an empty request to a contract with required fields → validation_failed', async () => {
    serve(h.nc, add, () => ({ sum: 0 }), { tenant: h.tenant });
    const msg = await h.nc.request(tenantSubject(h.tenant, add.subject), new Uint8Array(0), { timeout: 5000 });
    expect(decodeJson(msg.data)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
  });

  it('an invalid JSON payload sent raw → invalid_json reply, handler not called', async () => {
    const handler = jest.fn(() => ({ sum: 0 }));
    serve(h.nc, add, handler, { tenant: h.tenant });
    const msg = await h.nc.request(tenantSubject(h.tenant, add.subject), new TextEncoder().encode('{"a":1,'), { timeout: 5000 });
    expect(decodeJson(msg.data)).toEqual({ ok: false, error: { code: 'invalid_json', message: 'request body is not valid JSON' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('a handler throwing CertgateError(conflict) → the client gets that code, message and details', async () => {
    serve(
      h.nc,
      add,
      () => {
        throw new CertgateError('conflict', 'certificate is already registered', { fingerprint: 'ab12' });
      },
      { tenant: h.tenant },
    );
    const err = await certgateFailure(client.request(add, { a: 1, b: 2 }));
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('certificate is already registered');
    expect(err.details).toEqual({ fingerprint: 'ab12' });
    expect(err.httpStatus).toBe(409);
  });

  it('an async handler rejecting with CertgateError works the same as a throwing one', async () => {
    serve(
      h.nc,
      add,
      async () => {
        await Promise.resolve();
        throw new CertgateError('not_found', 'no such key');
      },
      { tenant: h.tenant },
    );
    await expect(client.request(add, { a: 1, b: 2 })).rejects.toMatchObject({ code: 'not_found', message: 'no such key' });
  });

  it('a handler throwing a plain Error → internal_error "internal error", the secret text is not sent, but it is logged', async () => {
    const logged: unknown[] = [];
    const logger = { info: () => undefined, warn: () => undefined, error: (m: string, c?: Record<string, unknown>) => logged.push({ m, c }) };
    serve(
      h.nc,
      add,
      () => {
        throw new Error('secret detail');
      },
      { tenant: h.tenant, logger },
    );
    const subject = tenantSubject(h.tenant, add.subject);
    const raw = await h.nc.request(subject, encodeJson({ a: 1, b: 2 }), { timeout: 5000 });
    expect(new TextDecoder().decode(raw.data)).not.toContain('secret detail');

    const err = await certgateFailure(client.request(add, { a: 1, b: 2 }));
    expect(err.code).toBe('internal_error');
    expect(err.message).toBe('internal error');
    expect(err.details).toBeUndefined();
    expect(JSON.stringify(logged)).toContain('secret detail');
  });

  it('a handler whose own NATS call went unanswered (a KV write while the bucket elects a leader) → service_unavailable, try again; not internal_error', async () => {
    serve(
      h.nc,
      add,
      async () => {
        throw NatsError.errorForCode(NatsErrorCode.NoResponders);
      },
      { tenant: h.tenant },
    );
    const err = await certgateFailure(client.request(add, { a: 1, b: 2 }));
    expect(err.code).toBe('service_unavailable');
    expect(err.httpStatus).toBe(503);
    expect(err.message).toBe('NATS did not answer (no responders); try again');
  });

  it('no subscriber → service_unavailable naming the subject', async () => {
    const nobody = rpcContract(uniqueSubject('nobody'), z.object({}), z.object({}));
    const err = await certgateFailure(client.request(nobody, {}));
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.code).toBe('service_unavailable');
    expect(err.details).toEqual({ subject: tenantSubject(h.tenant, nobody.subject) });
  });

  it('a handler that does not answer within timeoutMs → timeout', async () => {
    const slow = rpcContract(uniqueSubject('slow'), z.object({}), z.object({}));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    serve(
      h.nc,
      slow,
      async () => {
        await released;
        return {};
      },
      { tenant: h.tenant },
    );
    try {
      const err = await certgateFailure(client.request(slow, {}, { timeoutMs: 300 }));
      expect(err).toBeInstanceOf(CertgateError);
      expect(err.code).toBe('timeout');
      expect(err.httpStatus).toBe(503);
    } finally {
      release();
    }
  });

  it('queue group: two subscriptions in one queue answer N requests exactly N times in total', async () => {
    const contract = rpcContract(uniqueSubject('queued'), z.object({ i: z.number() }), z.object({ by: z.string(), i: z.number() }));
    const replicaB = await secondConnection('replica-b');
    const calls: Record<string, number[]> = { a: [], b: [] };
    serve(h.nc, contract, ({ i }) => (calls.a.push(i), { by: 'a', i }), { tenant: h.tenant, queue: 'certgate-test' });
    serve(replicaB, contract, ({ i }) => (calls.b.push(i), { by: 'b', i }), { tenant: h.tenant, queue: 'certgate-test' });
    await Promise.all([h.nc.flush(), replicaB.flush()]);

    const N = 40;
    const replies = await Promise.all(Array.from({ length: N }, (_, i) => client.request(contract, { i })));
    await Promise.all([h.nc.flush(), replicaB.flush()]);

    expect(replies.map((r) => r.i)).toEqual(Array.from({ length: N }, (_, i) => i));
    expect(calls.a.length + calls.b.length).toBe(N);
    expect([...calls.a, ...calls.b].sort((x, y) => x - y)).toEqual(Array.from({ length: N }, (_, i) => i));
  });

  it('per-replica subscriptions: requestAll gets one reply from each replica', async () => {
    const contract = rpcContract(uniqueSubject('all'), z.object({}), z.object({ replica: z.string() }));
    const replicaB = await secondConnection('replica-b2');
    serve(h.nc, contract, () => ({ replica: 'a' }), { tenant: h.tenant });
    serve(replicaB, contract, () => ({ replica: 'b' }), { tenant: h.tenant });
    await Promise.all([h.nc.flush(), replicaB.flush()]);

    const replies = await client.requestAll(contract, {}, { maxWaitMs: 1500 });
    expect(replies.map((r) => r.replica).sort()).toEqual(['a', 'b']);
  });

  it('requestAll with no subscriber returns an empty list', async () => {
    const contract = rpcContract(uniqueSubject('all-nobody'), z.object({}), z.object({}));
    await expect(client.requestAll(contract, {}, { maxWaitMs: 300 })).resolves.toEqual([]);
  });

  it('a reply that does not match the response schema → internal_error "does not match its contract"', async () => {
    serve(h.nc, addUnchecked, () => ({ total: 'three' }), { tenant: h.tenant });
    const err = await certgateFailure(client.request(add, { a: 1, b: 2 }));
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.code).toBe('internal_error');
    expect(err.message).toBe(`reply on ${tenantSubject(h.tenant, add.subject)} does not match its contract`);
    expect((err.details as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
  });

  it('a reply that is not in the {ok,...} shape → internal_error "malformed reply"', async () => {
    const contract = rpcContract(uniqueSubject('raw'), z.object({}), z.object({}));
    const sub = h.nc.subscribe(tenantSubject(h.tenant, contract.subject), { callback: (_e, m) => m.respond(encodeJson({ result: 1 })) });
    subs.push(sub);
    const err = await certgateFailure(client.request(contract, {}));
    expect(err.code).toBe('internal_error');
    expect(err.message).toMatch(/^malformed reply on /);
  });

  it('tenant isolation: a handler served for tenant A is not reached by a client of tenant B', async () => {
    const handler = jest.fn(() => ({ sum: 0 }));
    serve(h.nc, add, handler, { tenant: h.tenant });
    const otherTenant = uniqueTenant('rpc-other');
    const other = new RpcClient(h.nc, otherTenant);
    const err = await certgateFailure(other.request(add, { a: 1, b: 2 }));
    expect(err.code).toBe('service_unavailable');
    expect(handler).not.toHaveBeenCalled();
    await expect(other.requestAll(add, { a: 1, b: 2 }, { maxWaitMs: 300 })).resolves.toEqual([]);
  });

  it('tenant isolation: the same contract served for two tenants answers each tenant from its own handler', async () => {
    const otherTenant = uniqueTenant('rpc-other');
    serve(h.nc, add, () => ({ sum: 1 }), { tenant: h.tenant });
    serve(h.nc, add, () => ({ sum: 2 }), { tenant: otherTenant });
    await expect(client.request(add, { a: 0, b: 0 })).resolves.toEqual({ sum: 1 });
    await expect(new RpcClient(h.nc, otherTenant).request(add, { a: 0, b: 0 })).resolves.toEqual({ sum: 2 });
  });

  it('a closed connection → service_unavailable "connection is closed"', async () => {
    const nc = await secondConnection('closed-client');
    await nc.close();
    const err = await certgateFailure(new RpcClient(nc, h.tenant).request(add, { a: 1, b: 2 }));
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.code).toBe('service_unavailable');
    expect(err.message).toBe('the NATS connection is closed');
  });

  // --- regressions ---

  it('regression: a handler that returns nothing (void response contract) is answered ok, not "malformed reply"', async () => {
    // JSON.stringify({ok: true, data: undefined}) is '{"ok":true}', which rpcReplySchema refuses.
    const fireAndConfirm = rpcContract(uniqueSubject('void'), z.object({ id: z.string() }), z.void());
    const handler = jest.fn(() => undefined);
    serve(h.nc, fireAndConfirm, handler, { tenant: h.tenant });
    await expect(client.request(fireAndConfirm, { id: 'k1' })).resolves.toBeUndefined();
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('regression: RpcClient.request with a body that breaks the contract throws CertgateError(validation_failed), not a raw ZodError', async () => {
    serve(h.nc, add, () => ({ sum: 0 }), { tenant: h.tenant });
    const err = await certgateFailure(client.request(add, { a: 'two', b: 1 } as unknown as { a: number; b: number }));
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.code).toBe('validation_failed');
  });

  it("regression: requestAll keeps the code of a replica's error reply instead of re-labelling it service_unavailable", async () => {
    const contract = rpcContract(uniqueSubject('all-error'), z.object({}), z.object({ replica: z.string() }));
    serve(
      h.nc,
      contract,
      () => {
        throw new CertgateError('conflict', 'replica says no');
      },
      { tenant: h.tenant },
    );
    const err = await certgateFailure(client.requestAll(contract, {}, { maxWaitMs: 500 }));
    expect(err).toBeInstanceOf(CertgateError);
    expect(err.code).toBe('conflict');
    expect(err.message).toBe('replica says no');
  });

  describe('a contract with a bytes field (framed: JSON head, newline, the bytes)', () => {
    const bytesOf = z.instanceof(Buffer).default(() => Buffer.alloc(0));
    const echo = rpcContract(uniqueSubject('framed'), z.object({ note: z.string(), body: bytesOf }).strict(), z.object({ length: z.number(), body: bytesOf }), {
      bytes: 'body',
    });
    /** Every byte value, newlines and a JSON-looking tail included: nothing in the body may end the head. */
    const awkward = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), Buffer.from('\n{"ok":false}\n')]);

    it('carries the bytes both ways as they are, and the head beside them', async () => {
      const wire: Uint8Array[] = [];
      const spy = h.nc.subscribe(tenantSubject(h.tenant, echo.subject), { callback: (_e, m) => wire.push(m.data) });
      subs.push(spy);
      serve(h.nc, echo, ({ note, body }) => ({ length: body.length, body: Buffer.concat([Buffer.from(`${note}:`), body]) }), { tenant: h.tenant });
      await h.nc.flush();
      const reply = await client.request(echo, { note: 'n\nx', body: awkward });
      expect(reply.length).toBe(awkward.length);
      expect(reply.body).toEqual(Buffer.concat([Buffer.from('n\nx:'), awkward]));
      // On the wire: one line of JSON without the body, then the raw bytes (not base64).
      const sent = Buffer.from(wire[0]);
      const newline = sent.indexOf(0x0a);
      expect(JSON.parse(sent.subarray(0, newline).toString())).toEqual({ note: 'n\nx' });
      expect(sent.subarray(newline + 1)).toEqual(awkward);
      // No body at all is an empty Buffer on the other side.
      expect(await client.request(echo, { note: '' })).toEqual({ length: 0, body: Buffer.from(':') });
    });

    it('a body that is not bytes is refused by the serving side, naming the field', async () => {
      serve(h.nc, echo, () => ({ length: 0 }), { tenant: h.tenant });
      const unchecked = rpcContract(echo.subject, z.any(), z.any(), { bytes: 'body' });
      const err = await certgateFailure(client.request(unchecked, { note: 'x', body: 'aGk=' }));
      expect(err).toMatchObject({ code: 'validation_failed' });
      expect(JSON.stringify(err.details)).toMatch(/body/);
    });

    it('a framed answer larger than one NATS message arrives whole, in chunks', async () => {
      const server = await secondConnection('framed-chunk-server');
      const big = Buffer.alloc(3 * 1024 * 1024 + 5, 0x0a);
      serve(server, echo, () => ({ length: big.length, body: big }), { tenant: h.tenant });
      const reply = await client.request(echo, { note: 'big' });
      expect(reply.body.equals(big)).toBe(true);
    });
  });

  describe('answers larger than one NATS message', () => {
    const blob = rpcContract(uniqueSubject('blob'), z.object({ bytes: z.number().int() }), z.object({ text: z.string() }));

    it('arrive whole, sent as chunks: a 3 MiB answer through a 1 MiB max_payload, on a second connection', async () => {
      const server = await secondConnection('chunk-server');
      expect(server.info?.max_payload).toBe(1024 * 1024);
      serve(server, blob, ({ bytes }) => ({ text: 'x'.repeat(bytes) }), { tenant: h.tenant });
      for (const bytes of [1024 * 1024 - 100, 3 * 1024 * 1024 + 17]) {
        const { text } = await client.request(blob, { bytes });
        expect(text.length).toBe(bytes);
      }
      // And the ordinary small answer still works on the same mux right after.
      expect((await client.request(blob, { bytes: 3 })).text).toBe('xxx');
    });

    it('beyond the chunked limit, fail at once with payload_too_large instead of timing out', async () => {
      const huge = rpcContract(uniqueSubject('huge'), z.object({}), z.object({ text: z.string() }));
      serve(h.nc, huge, () => ({ text: 'y'.repeat(65 * 1024 * 1024) }), { tenant: h.tenant });
      const started = Date.now();
      const err = await certgateFailure(client.request(huge, {}, { timeoutMs: 30_000 }));
      expect(err).toMatchObject({ code: 'payload_too_large' });
      expect(err.message).toMatch(/more than the 67108864 bytes certgate sends over NATS for one request/);
      expect(Date.now() - started).toBeLessThan(20_000);
    });

    it('refuses a request NATS would refuse, naming max_payload, without sending it', async () => {
      const err = await certgateFailure(client.request(blob, { bytes: 1, pad: 'z'.repeat(1024 * 1024) } as never));
      expect(err).toMatchObject({ code: 'payload_too_large', details: { limit: 1024 * 1024 } });
      expect(err.message).toMatch(/more than the 1048576 bytes NATS carries in one message \(its max_payload\)/);
    });
  });
});
