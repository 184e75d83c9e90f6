import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiError, mockApi, renderApp, type Call } from '../../test/render';
import { commonName, judgeChain, suggestAlias, type ConnectivityResult } from './chain';

const DAY = 86_400_000;
const iso = (days: number) => new Date(Date.now() + days * DAY).toISOString();

const cert = (subjectDN: string, issuerDN: string, fingerprint: string, over: Record<string, string> = {}) => ({
  pem: `-----BEGIN CERTIFICATE-----\n${fingerprint}\n-----END CERTIFICATE-----\n`,
  fingerprint,
  subjectDN,
  issuerDN,
  serialNumber: '4f2a9c1e',
  notBefore: iso(-30),
  notAfter: iso(300),
  ...over,
});
const LEAF = cert('CN=erp.example', 'CN=ERP Issuing CA, O=ERP', 'a'.repeat(64));
const ISSUING = cert('CN=ERP Issuing CA, O=ERP', 'CN=ERP Root CA, O=ERP', 'b'.repeat(64));
const ROOT = cert('CN=ERP Root CA, O=ERP', 'CN=ERP Root CA, O=ERP', 'c'.repeat(64));

const result = (over: Partial<ConnectivityResult> = {}): ConnectivityResult => ({
  host: 'erp.example',
  port: 9443,
  serverName: 'erp.example',
  protocol: 'TLSv1.3',
  cipher: { name: 'TLS_AES_256_GCM_SHA384', standardName: 'TLS_AES_256_GCM_SHA384', version: 'TLSv1.3' },
  peerChain: [LEAF, ISSUING, ROOT],
  clientAuthentication: { requested: true, acceptedIssuers: ['CN=Acme Client CA,O=Acme', 'CN=Other CA'] },
  validation: {
    performed: true,
    valid: false,
    chainTrusted: false,
    hostnameMatches: true,
    reason: 'untrusted_root',
    message: 'the certificate chain ends in a root CA that is not trusted by the keystore',
  },
  durationMs: 42,
  ...over,
});

const entry = (alias: string, kind: 'key-pair' | 'certificate', fingerprint = alias.padEnd(64, '0')) => ({
  alias,
  kind,
  owner: 'tenant',
  subjectDN: `CN=${alias}`,
  issuerDN: `CN=${alias}`,
  serialNumber: '01',
  notBefore: iso(-1),
  notAfter: iso(365),
  fingerprint,
  chainPem: '',
  createdAt: iso(-1),
  updatedAt: iso(-1),
  status: 'valid',
  chainLength: 1,
});

afterEach(() => vi.restoreAllMocks());

async function fillAndRun(host = 'erp.example', port = '9443') {
  await userEvent.type(await screen.findByRole('textbox', { name: 'Host' }), host);
  const portInput = screen.getByRole('textbox', { name: 'Port' });
  await userEvent.clear(portInput);
  await userEvent.type(portInput, port);
  await userEvent.click(screen.getByRole('button', { name: 'Run test' }));
}

describe('the connectivity test page', () => {
  it('sends the test (host, port, validation, key pair, server name) and shows protocol, cipher, the chain as a tree with a verdict per certificate, and the accepted CA names', async () => {
    const api = mockApi({
      'GET /api/v1/keystore/entries': [
        entry('to-erp', 'key-pair'),
        entry('certgate_client_ca', 'key-pair'),
        entry('erp-issuing', 'certificate', ISSUING.fingerprint),
      ],
      'POST /api/v1/connectivity/tls': result({
        clientAuthentication: {
          requested: true,
          acceptedIssuers: ['CN=Acme Client CA,O=Acme', 'CN=Other CA'],
          presented: { alias: 'to-erp', subjectDN: 'CN=to-erp', fingerprint: 'f'.repeat(64) },
        },
      }),
    });
    renderApp('/connectivity', { fetch: api.fetch });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Server name' }), 'erp.example');
    // The client CA is no key pair to present; the tenant's key pairs are offered.
    await userEvent.click(screen.getByRole('combobox', { name: 'Client key pair' }));
    expect(screen.queryByRole('option', { name: /certgate_client_ca/, hidden: true })).toBeNull();
    await userEvent.click(await screen.findByRole('option', { name: /to-erp/, hidden: true }));
    await fillAndRun();

    const tree = await screen.findByRole('tree', { name: 'Peer certificate chain' });
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({
      path: '/api/v1/connectivity/tls',
      search: '',
      body: { host: 'erp.example', port: 9443, validateServerCertificate: true, keyAlias: 'to-erp', serverName: 'erp.example' },
    });
    const handshake = screen.getByRole('table', { name: 'Handshake' });
    expect(handshake).toHaveTextContent('TLSv1.3');
    expect(handshake).toHaveTextContent('TLS_AES_256_GCM_SHA384');

    // Root at the top, each certificate under its issuer, the server's own at the bottom.
    const certs = within(tree).getAllByTestId('peer-certificate');
    expect(certs.map((c) => c.getAttribute('data-fingerprint'))).toEqual([ROOT.fingerprint, ISSUING.fingerprint, LEAF.fingerprint]);
    expect(certs.map((c) => c.getAttribute('data-verdict'))).toEqual(['problem', 'ok', 'ok']);
    expect(certs[0]).toHaveTextContent("not among the keystore's trusted certificates");
    expect(certs[1]).toHaveTextContent("trusted by the keystore as 'erp-issuing'");
    expect(certs[2]).toHaveTextContent('matches the server name erp.example');
    const [rootItem] = within(tree).getAllByRole('treeitem');
    expect(within(rootItem as HTMLElement).getAllByRole('treeitem')).toHaveLength(2);

    const verdict = screen.getByTestId('validation');
    expect(verdict).toHaveAttribute('data-valid', 'false');
    expect(verdict).toHaveTextContent('The server certificate is not valid');
    expect(verdict).toHaveTextContent('untrusted_root');
    expect(verdict).toHaveTextContent('not trusted by the keystore');

    expect(screen.getByText(/Client certificate requested/)).toHaveTextContent('yes');
    expect(
      within(screen.getByRole('list', { name: 'CA names the server accepts' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['CN=Acme Client CA,O=Acme', 'CN=Other CA']);
    expect(screen.getByText(/Presented: key pair/)).toHaveTextContent('to-erp');
  });

  it('without validation says so, and marks an expired certificate and a name that does not match', () => {
    const expired = { ...LEAF, notBefore: iso(-400), notAfter: iso(-5) };
    const judged = judgeChain(result({ peerChain: [expired, ISSUING], validation: { ...result().validation, hostnameMatches: false } }), []);
    expect(judged[0]?.verdict).toBe('problem');
    expect(judged[0]?.findings.map((f) => f.text)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^expired on /), 'does not match the server name erp.example']),
    );
    expect(judged[1]?.findings.map((f) => f.text)).toContain('the server did not send its issuer CN=ERP Root CA, O=ERP');
    expect(judged[1]?.role).toBe('intermediate CA');
  });

  it('shows an unreachable host with its code and message, next to nothing', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/keystore/entries': [],
      'POST /api/v1/connectivity/tls': apiError(502, 'unreachable', 'could not connect to 127.0.0.1:1: connection refused', {
        host: '127.0.0.1',
        port: 1,
        cause: 'ECONNREFUSED',
      }),
    });
    renderApp('/connectivity', { fetch });
    await fillAndRun('127.0.0.1', '1');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The test could not be made');
    expect(alert).toHaveTextContent('could not connect to 127.0.0.1:1: connection refused');
    expect(alert).toHaveTextContent('unreachable');
    expect(alert).toHaveTextContent('HTTP 502');
    expect(alert).toHaveTextContent('cause: ECONNREFUSED');
    expect(screen.queryByRole('tree')).toBeNull();
  });

  it('puts an unknown key alias next to the key pair field', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/keystore/entries': [entry('gone', 'key-pair')],
      'POST /api/v1/connectivity/tls': apiError(400, 'key_alias_unknown', "keyAlias: no key pair with alias 'gone' in the keystore", {
        field: 'keyAlias',
        alias: 'gone',
      }),
    });
    renderApp('/connectivity', { fetch });
    await userEvent.click(await screen.findByRole('combobox', { name: 'Client key pair' }));
    await userEvent.click(await screen.findByRole('option', { name: /gone/, hidden: true }));
    await fillAndRun();
    await waitFor(() =>
      expect(screen.getByRole('combobox', { name: 'Client key pair' })).toHaveAccessibleDescription(expect.stringContaining('key_alias_unknown')),
    );
  });

  it('trusts the self-signed root in one click (POST /keystore/certificates with a suggested alias), then tests again with validation', async () => {
    let trusted = false;
    const api = mockApi({
      'GET /api/v1/keystore/entries': () => (trusted ? [entry('erp-root-ca', 'certificate', ROOT.fingerprint)] : [entry('erp-root-ca-old', 'certificate')]),
      'POST /api/v1/keystore/certificates': (c: Call) => {
        trusted = true;
        return entry((c.body as { alias: string }).alias, 'certificate', ROOT.fingerprint);
      },
      'POST /api/v1/connectivity/tls': (c: Call) =>
        trusted && (c.body as { validateServerCertificate: boolean }).validateServerCertificate
          ? result({ validation: { performed: true, valid: true, chainTrusted: true, hostnameMatches: true } })
          : result({ validation: { performed: false, valid: null, chainTrusted: null, hostnameMatches: null } }),
    });
    renderApp('/connectivity', { fetch: api.fetch });
    await userEvent.click(await screen.findByRole('switch', { name: /Validate the server certificate/ }));
    await fillAndRun();
    expect(await screen.findByTestId('validation')).toHaveAttribute('data-valid', 'not-performed');

    const card = screen.getByRole('region', { name: 'Trust this root' });
    expect(card).toHaveTextContent('adds it to the keystore');
    expect(card).toHaveTextContent('CN=ERP Root CA, O=ERP');
    expect(within(card).getByRole('textbox', { name: 'Alias' })).toHaveValue('erp-root-ca');
    await userEvent.click(within(card).getByRole('button', { name: 'Trust this root' }));
    await waitFor(() =>
      expect(api.calls.find((c) => c.path === '/api/v1/keystore/certificates')?.body).toEqual({ alias: 'erp-root-ca', certificate: ROOT.pem }),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Test again with validation' }));
    await waitFor(() => expect(screen.getByTestId('validation')).toHaveAttribute('data-valid', 'true'));
    expect(api.calls.filter((c) => c.path === '/api/v1/connectivity/tls').at(-1)?.body).toMatchObject({ validateServerCertificate: true });
    // Now trusted: the root says so, and there is nothing left to trust.
    await waitFor(() => expect(screen.getAllByTestId('peer-certificate')[0]).toHaveTextContent("trusted by the keystore as 'erp-root-ca'"));
    expect(screen.queryByRole('region', { name: 'Trust this root' })).toBeNull();
  });

  it('puts a taken alias next to the alias field', async () => {
    const { fetch } = mockApi({
      'GET /api/v1/keystore/entries': [],
      'POST /api/v1/connectivity/tls': result(),
      'POST /api/v1/keystore/certificates': apiError(409, 'alias_taken', "alias 'erp-root-ca' is taken", { field: 'alias', alias: 'erp-root-ca' }),
    });
    renderApp('/connectivity', { fetch });
    await fillAndRun();
    const card = await screen.findByRole('region', { name: 'Trust this root' });
    await userEvent.click(within(card).getByRole('button', { name: 'Trust this root' }));
    await waitFor(() => expect(within(card).getByRole('textbox', { name: 'Alias' })).toHaveAccessibleDescription(expect.stringContaining('alias_taken')));
  });

  it('offers no root to trust when the server does not send it', async () => {
    const { fetch } = mockApi({ 'GET /api/v1/keystore/entries': [], 'POST /api/v1/connectivity/tls': result({ peerChain: [LEAF, ISSUING] }) });
    renderApp('/connectivity', { fetch });
    await fillAndRun();
    expect(await screen.findByText(/The server does not send its root CA/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Trust this root' })).toBeNull();
  });

  it('downloads the chain as a zip (POST ?download=zip) through a blob URL', async () => {
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), 'blob:zip'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const names: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      names.push(this.download);
      expect(this.href).toBe('blob:zip');
    });
    const api = mockApi({
      'GET /api/v1/keystore/entries': [],
      'POST /api/v1/connectivity/tls': (c: Call) =>
        c.search === '?download=zip'
          ? new Response(new Uint8Array([0x50, 0x4b, 3, 4]), {
              status: 200,
              headers: { 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="erp.example-9443-chain.zip"' },
            })
          : result(),
    });
    renderApp('/connectivity', { fetch: api.fetch });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Host' }), 'erp.example');
    const portInput = screen.getByRole('textbox', { name: 'Port' });
    await userEvent.clear(portInput);
    await userEvent.type(portInput, '9443');
    await userEvent.click(screen.getByRole('button', { name: 'Download zip' }));
    await waitFor(() => expect(click).toHaveBeenCalled());
    expect(names).toEqual(['erp.example-9443-chain.zip']);
    expect(new Uint8Array(await (blobs[0] as Blob).arrayBuffer())).toEqual(new Uint8Array([0x50, 0x4b, 3, 4]));
    expect(api.calls.find((c) => c.method === 'POST')).toMatchObject({ search: '?download=zip', body: { host: 'erp.example', port: 9443 } });
  });

  it('suggests an alias from the root CN, with part of the fingerprint when it is taken', () => {
    expect(commonName('CN=ERP Root CA, O=ERP')).toBe('ERP Root CA');
    expect(commonName('O=No CN')).toBe('O=No CN');
    expect(suggestAlias(ROOT, [])).toBe('erp-root-ca');
    expect(suggestAlias(ROOT, ['erp-root-ca'])).toBe('erp-root-ca-cccccccc');
    expect(suggestAlias({ ...ROOT, subjectDN: 'CN=***' }, [])).toBe('server-root');
  });
});
