// A real OpenID provider (the `oidc-provider` package) for the test suites, run as a child
// process by oidc-provider.ts: the package is ESM-only and the suites are CommonJS.
// Config comes as JSON in CERTGATE_TEST_OIDC_CONFIG ({ port, accounts, clients,
// claimsInIdToken }); once listening it prints one JSON line {"issuer": "..."}.
//
// Sign-in is a plain HTML form (labelled "Username" and "Password", a "Sign in" button)
// that a program can post and a browser can fill in; consent is granted at once.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const config = JSON.parse(process.env.CERTGATE_TEST_OIDC_CONFIG ?? '{}');
const accounts = new Map((config.accounts ?? []).map((a) => [a.username, a]));

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, clientId, error) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Sign in - test identity provider</title></head>
<body>
<main>
<h1>Sign in to the test identity provider</h1>
<p>for ${escapeHtml(clientId)}</p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/interaction/${escapeHtml(uid)}/login">
<p><label for="username">Username</label> <input id="username" name="username" autocomplete="username" autofocus></p>
<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password"></p>
<p><button type="submit">Sign in</button></p>
</form>
</main>
</body>
</html>`;
}

function readForm(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function send(res, status, html) {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

/** Every claim any account has beyond `sub`, released with the `profile` scope. */
const profileClaims = [...new Set([...accounts.values()].flatMap((a) => Object.keys(a.claims ?? {})).filter((c) => c !== 'sub'))];

const server = createServer();
server.listen(config.port ?? 0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const provider = new Provider(issuer, {
    clients: (config.clients ?? []).map((c) => ({ grant_types: ['authorization_code'], response_types: ['code'], ...c })),
    jwks: { keys: [{ ...signingKey, kid: 'test', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: profileClaims },
    // By default profile claims go to userinfo only, as with most providers in the code flow.
    conformIdTokenClaims: config.claimsInIdToken !== true,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      return account && { accountId: sub, claims: async () => ({ sub, ...account.claims }) };
    },
  });

  async function interaction(req, res, uid, action) {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) return send(res, 400, '<p>this sign-in is not the one in progress</p>');
    const clientId = details.params.client_id;
    if (action === 'login') {
      if (req.method !== 'POST') return send(res, 405, '<p>post the form</p>');
      const form = await readForm(req);
      const account = accounts.get(form.get('username') ?? '');
      if (!account || account.password !== form.get('password')) return send(res, 200, loginPage(uid, clientId, 'Wrong username or password.'));
      return provider.interactionFinished(req, res, { login: { accountId: account.username } }, { mergeWithLastSubmission: false });
    }
    if (details.prompt.name === 'login') return send(res, 200, loginPage(uid, clientId));
    // Consent: granted at once, for what the client asked.
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
    const grant = details.grantId ? await provider.Grant.find(details.grantId) : new provider.Grant({ accountId: details.session.accountId, clientId });
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    for (const [indicator, scopes] of Object.entries(missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  const callback = provider.callback();
  server.on('request', (req, res) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login))?$/.exec(new URL(req.url, issuer).pathname);
    if (!match) return callback(req, res);
    interaction(req, res, match[1], match[2]).catch((err) => send(res, 400, `<p>${escapeHtml(err.message)}</p>`));
  });
  process.stdout.write(`${JSON.stringify({ issuer })}\n`);
});

for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => server.close(() => process.exit(0)));
