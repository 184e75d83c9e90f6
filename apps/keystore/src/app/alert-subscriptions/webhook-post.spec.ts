import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookAllowList, WebhookDestinations, type ResolvedAddress } from './webhook-destination';
import { pinnedLookup, postWebhook, type WebhookRequest } from './webhook-post';

/** A real receiver on the loopback interface; the names below resolve to it only through the table. */
describe('postWebhook (a real HTTP receiver on 127.0.0.1)', () => {
  let server: Server;
  let port: number;
  const calls: { headers: IncomingHttpHeaders; body: string }[] = [];
  const dns: Record<string, string[]> = {};

  const destinations = (allow: string) =>
    new WebhookDestinations(
      WebhookAllowList.parse(allow),
      async (host) => {
        const addresses = dns[host];
        if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
        return addresses.map((address): ResolvedAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
      },
      1000,
    );

  const post = (url: string, allow = '127.0.0.1/32', over: Partial<WebhookRequest> = {}) =>
    postWebhook({
      url,
      body: Buffer.from('{"id":"a1"}'),
      secret: 'a-webhook-secret-of-32-characters',
      alertId: 'a1',
      subscriptionId: 's1',
      attempt: 1,
      userAgent: 'certgate-keystore/test',
      timeoutMs: 2000,
      signal: new AbortController().signal,
      destinations: destinations(allow),
      ...over,
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        calls.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        res.writeHead(req.url === '/fail' ? 503 : 204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    calls.length = 0;
  });

  it('connects to the address it checked, with the URL host in Host (the name exists only in the checked answer)', async () => {
    dns['receiver.test'] = ['127.0.0.1'];
    expect(await post(`http://receiver.test:${port}/hook`)).toEqual({ delivered: true, status: 204 });
    expect(calls).toHaveLength(1);
    expect(calls[0].headers).toMatchObject({
      host: `receiver.test:${port}`,
      'content-type': 'application/json',
      'x-certgate-alert-id': 'a1',
      'x-certgate-subscription': 's1',
      'x-certgate-delivery-attempt': '1',
      'user-agent': 'certgate-keystore/test',
      'x-certgate-signature': expect.stringMatching(/^sha256=[0-9a-f]{64}$/),
    });
    expect(calls[0].body).toBe('{"id":"a1"}');
  });

  it('refuses to connect when the name now resolves to an address not allowed (DNS rebinding): a failed attempt naming why', async () => {
    dns['rebind.test'] = ['10.0.0.7'];
    expect(await post(`http://rebind.test:${port}/hook`)).toEqual({
      delivered: false,
      aborted: false,
      reason: 'refused to connect: rebind.test resolves to 10.0.0.7, a private address (not allowed for webhooks; see CERTGATE_ALERT_WEBHOOK_ALLOW)',
    });
    dns['rebind.test'] = ['169.254.169.254'];
    expect(await post(`http://rebind.test:${port}/hook`)).toEqual({
      delivered: false,
      aborted: false,
      reason:
        'refused to connect: rebind.test resolves to 169.254.169.254, a cloud metadata address (not allowed for webhooks; see CERTGATE_ALERT_WEBHOOK_ALLOW)',
    });
    expect(calls).toEqual([]);
  });

  it('refuses loopback without the allow-list, and URLs a subscription could not be made with today', async () => {
    expect(await post(`http://127.0.0.1:${port}/hook`, '')).toMatchObject({
      delivered: false,
      reason: 'refused to connect: 127.0.0.1 is a loopback address (not allowed for webhooks; see CERTGATE_ALERT_WEBHOOK_ALLOW)',
    });
    expect(await post(`http://user:pass@127.0.0.1:${port}/hook`)).toMatchObject({
      delivered: false,
      reason: expect.stringMatching(/^refused to connect: url must not contain credentials/),
    });
    expect(await post(`http://127.0.0.1:${port}/ho\nok`)).toMatchObject({
      delivered: false,
      reason: expect.stringMatching(/^refused to connect: url must not contain spaces, control or invisible characters \(U\+000A/),
    });
    expect(calls).toEqual([]);
  });

  it('a name that does not resolve, a non-2xx answer and a refused connection are failed attempts', async () => {
    expect(await post(`http://nowhere.test:${port}/hook`)).toEqual({
      delivered: false,
      aborted: false,
      reason: 'ENOTFOUND: getaddrinfo ENOTFOUND nowhere.test',
    });
    expect(await post(`http://127.0.0.1:${port}/fail`)).toEqual({ delivered: false, aborted: false, reason: 'receiver answered HTTP 503' });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await post(`http://127.0.0.1:${closedPort}/hook`)).toEqual({
      delivered: false,
      aborted: false,
      reason: `ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${closedPort}`,
    });
  });

  it('a receiver that does not answer in time is a failed attempt; a replica shutting down hands the attempt back', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as AddressInfo).port;
    try {
      expect(await post(`http://127.0.0.1:${silentPort}/hook`, '127.0.0.1', { timeoutMs: 100 })).toEqual({
        delivered: false,
        aborted: false,
        reason: 'no answer within 100 ms',
      });
      const stop = new AbortController();
      setTimeout(() => stop.abort(), 50);
      expect(await post(`http://127.0.0.1:${silentPort}/hook`, '127.0.0.1', { signal: stop.signal })).toEqual({
        delivered: false,
        aborted: true,
        reason: 'replica shutting down',
      });
    } finally {
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('pinnedLookup', () => {
  const addresses: ResolvedAddress[] = [
    { address: '93.184.215.14', family: 4 },
    { address: '2606:4700::1', family: 6 },
  ];

  it('answers with the checked addresses whatever name it is asked for: the first, or all of them', () => {
    const lookup = pinnedLookup(addresses);
    const one = jest.fn();
    lookup('elsewhere.example', {}, one);
    expect(one).toHaveBeenCalledWith(null, '93.184.215.14', 4);
    const all = jest.fn();
    lookup('elsewhere.example', { all: true }, all);
    expect(all).toHaveBeenCalledWith(null, addresses);
  });
});
