// A real OpenID Connect provider for the tests (npm's oidc-provider, certified by the OpenID
// Foundation), on a free port of 127.0.0.1, over plain HTTP (loopback only).
//
//   node tests/tools/oidc-provider.mjs CONFIG.json
//
// CONFIG.json: {"clients": [{"client_id", "client_secret", "redirect_uris": [...]}],
//               "accounts": {"<sub>": {"email", "email_verified", "given_name", "family_name",
//                                      "amr": ["pwd", "mfa"], "<any other claim>": ...}}}
// It prints `listening on http://127.0.0.1:PORT` once it answers. Its sign-in page takes an
// account's e-mail (any password); its consent page has one button. The amr of an account is
// what the provider says of the sign-in (RFC 8176), in the ID token.
//
// POST /_test/account {"sub": ..., claims...} adds or replaces an account.
// Faults, for the tests of what the client refuses: POST /_test/fault with a JSON body
// {"claims": {"aud": "x", ...}} rewrites those claims of the next ID tokens the token endpoint
// hands out, signed again with the provider's own key; {"key": "other"} signs them with another
// key under the same key id (a wrong signature). {} puts everything back.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';

import Provider from 'oidc-provider';

const config = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const accounts = config.accounts;

const KID = 'test-key';
const keyPair = () => crypto.generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const signingKey = keyPair();
const otherKey = keyPair();
let fault = {};

const b64 = (value) => Buffer.from(value).toString('base64url');

function sign(claims, key) {
  const header = b64(JSON.stringify({ alg: 'RS256', kid: KID, typ: 'JWT' }));
  const input = `${header}.${b64(JSON.stringify(claims))}`;
  return `${input}.${crypto.sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

function tamper(idToken) {
  const claims = JSON.parse(Buffer.from(idToken.split('.')[1], 'base64url').toString());
  return sign({ ...claims, ...(fault.claims || {}) }, fault.key === 'other' ? otherKey : signingKey);
}

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title, body) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title>
</head><body><h1>${escape(title)}</h1>${body}</body></html>`;
}

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (chunk) => { data += chunk; });
    req.on('end', () => resolve(new URLSearchParams(data)));
  });
}

const server = http.createServer();
server.listen(0, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: config.clients.map((client) => ({
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
      ...client,
    })),
    jwks: { keys: [{ ...signingKey.export({ format: 'jwk' }), kid: KID, alg: 'RS256', use: 'sig' }] },
    async findAccount(ctx, sub) {
      const account = accounts[sub];
      if (!account) return undefined;
      const { amr, ...claims } = account;
      return { accountId: sub, claims: () => ({ sub, ...claims }) };
    },
    claims: {
      // amr: how the account signed in (RFC 8176), in every ID token.
      openid: ['sub', 'amr'],
      email: ['email', 'email_verified'],
      profile: ['given_name', 'family_name', 'name', ...(config.extra_claims || [])],
    },
    // Every claim of a scope goes into the ID token too (what Entra ID does), not only the
    // UserInfo response.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    pkce: { required: () => true },
    // The interaction cookies over plain HTTP on loopback: the provider is a test tool.
    cookies: { keys: ['test-only-cookie-key'] },
  });
  provider.proxy = false;

  provider.use(async (ctx, next) => {
    await next();
    if (ctx.path === '/token' && ctx.body?.id_token && (fault.claims || fault.key)) {
      ctx.body = { ...ctx.body, id_token: tamper(ctx.body.id_token) };
    }
  });

  async function interaction(req, res, uid) {
    const details = await provider.interactionDetails(req, res);
    const { prompt, params, session } = details;
    if (req.method === 'POST') {
      const form = await readBody(req);
      if (prompt.name === 'login') {
        const email = (form.get('login') || '').trim().toLowerCase();
        const sub = Object.keys(accounts).find((id) => accounts[id].email.toLowerCase() === email);
        if (!sub) {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(page('Compte inconnu', `<p>Aucun compte pour ${escape(email)}.</p>`));
          return;
        }
        await provider.interactionFinished(req, res, {
          login: { accountId: sub, amr: accounts[sub].amr || ['pwd'] },
        }, { mergeWithLastSubmission: false });
        return;
      }
      const grant = details.grantId
        ? await provider.Grant.find(details.grantId)
        : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
      if (prompt.details.missingOIDCScope) grant.addOIDCScope(prompt.details.missingOIDCScope.join(' '));
      if (prompt.details.missingOIDCClaims) grant.addOIDCClaims(prompt.details.missingOIDCClaims);
      await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, {
        mergeWithLastSubmission: true,
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    if (prompt.name === 'login') {
      res.end(page('Annuaire du groupe : connexion', `<form method="post" action="/interaction/${uid}">
<label>Adresse e-mail <input name="login" type="email" required></label>
<label>Mot de passe <input name="password" type="password" required></label>
<button type="submit">Se connecter</button></form>`));
    } else {
      res.end(page('Autoriser l\u2019intranet', `<form method="post" action="/interaction/${uid}">
<p>L\u2019intranet demande : ${escape(params.scope)}</p>
<button type="submit">Autoriser</button></form>`));
    }
  }

  const callback = provider.callback();
  server.on('request', (req, res) => {
    const url = new URL(req.url, issuer);
    const match = url.pathname.match(/^\/interaction\/([^/]+)$/);
    if (match) {
      interaction(req, res, match[1]).catch((error) => {
        res.writeHead(400, { 'content-type': 'text/plain' });
        res.end(String(error));
      });
    } else if (url.pathname.startsWith('/_test/') && req.method === 'POST') {
      let data = '';
      req.on('data', (chunk) => { data += chunk; });
      req.on('end', () => {
        const body = JSON.parse(data || '{}');
        if (url.pathname === '/_test/fault') {
          fault = body;
        } else {
          const { sub, ...claims } = body;
          accounts[sub] = claims;
        }
        res.writeHead(204);
        res.end();
      });
    } else {
      callback(req, res);
    }
  });
  console.log(`listening on ${issuer}`);
});
