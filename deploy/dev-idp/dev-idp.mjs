// The development OpenID Connect provider: the certified `oidc-provider`
// (node-oidc-provider) with the users of config/dev-idp.yaml, on loopback.
// It issues RFC 9068 JWT access tokens for Tenure's API (the resource
// indicator TENURE_OIDC_AUDIENCE) carrying the e-mail, employee id and groups
// claims that config/auth.yaml maps to roles, exactly as a company provider would.
import { createServer } from 'node:http';
import { generateKeyPairSync, timingSafeEqual, createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Provider from 'oidc-provider';
import { parse } from 'yaml';
import { loginPage, readForm } from './login-page.mjs';

const env = process.env;
const required = (name) => {
  const value = env[name];
  if (!value) {
    process.stderr.write(`dev-idp failed to start: ${name} must be set\n`);
    process.exit(1);
  }
  return value;
};

const port = Number(env.DEV_IDP_PORT ?? 3200);
const issuer = env.TENURE_OIDC_ISSUER ?? `http://127.0.0.1:${port}`;
const audience = required('TENURE_OIDC_AUDIENCE');
// Shared Signals receivers get tokens for the transmitter only, never for Tenure's API.
const ssfAudience = env.TENURE_SSF_AUDIENCE ?? 'urn:tenure:ssf';
const SSF_RECEIVER = 'tenure-ssf-receiver';
const consoleUrl = env.TENURE_CONSOLE_URL ?? 'http://127.0.0.1:3000';
const configDir = env.TENURE_CONFIG_DIR ?? 'config';
const users = parse(readFileSync(join(configDir, 'dev-idp.yaml'), 'utf8')).users;
const byUsername = new Map(users.map((user) => [user.username, user]));

/** The signing key is generated once per environment and kept, so tokens stay valid across restarts. */
function signingKeys() {
  const file = required('DEV_IDP_KEYS_FILE');
  if (!existsSync(file)) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: `dev-${Date.now()}`, use: 'sig', alg: 'RS256' };
    writeFileSync(file, JSON.stringify({ keys: [jwk] }), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

const claimsOf = (user) => ({
  sub: user.username,
  name: user.name,
  email: user.email,
  email_verified: true,
  groups: user.groups ?? [],
  ...(user.employeeId ? { employee_id: user.employeeId } : {}),
});

const sameSecret = (given, expected) =>
  timingSafeEqual(createHash('sha256').update(given).digest(), createHash('sha256').update(expected).digest());

const provider = new Provider(issuer, {
  clients: [
    {
      // The browser console: a public client, authorization code with PKCE only.
      client_id: 'tenure-console',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`${consoleUrl}/auth/callback`],
      post_logout_redirect_uris: [`${consoleUrl}/`],
    },
    {
      // API clients and the test suite: a confidential client, still with PKCE.
      client_id: 'tenure-cli',
      client_secret: required('TENURE_DEV_IDP_CLIENT_SECRET'),
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: ['http://127.0.0.1/callback'],
    },
    {
      // A Shared Signals receiver: a machine, client credentials only, no person behind it.
      client_id: SSF_RECEIVER,
      client_secret: required('TENURE_DEV_IDP_SSF_RECEIVER_SECRET'),
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
    },
  ],
  jwks: signingKeys(),
  cookies: { keys: [required('TENURE_DEV_IDP_COOKIE_KEY')] },
  pkce: { required: () => true },
  scopes: ['openid', 'offline_access', 'email', 'profile', 'groups'],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups', 'employee_id'] },
  async findAccount(_ctx, id) {
    const user = byUsername.get(id);
    return user ? { accountId: id, claims: () => claimsOf(user) } : undefined;
  },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: (_ctx, client) => (client?.clientId === SSF_RECEIVER ? ssfAudience : audience),
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource, client) => {
        const receiver = client.clientId === SSF_RECEIVER;
        if (receiver !== (resource === ssfAudience)) throw new Provider.errors.InvalidTarget();
        if (receiver) {
          return { scope: 'ssf', audience: ssfAudience, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
        }
        if (resource !== audience) throw new Provider.errors.InvalidTarget();
        return { scope: 'tenure', audience, accessTokenTTL: 3600, accessTokenFormat: 'jwt', jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
  // The access token carries who the person is, so the API needs no second call.
  async extraTokenClaims(_ctx, token) {
    const user = token.kind === 'AccessToken' && token.accountId ? byUsername.get(token.accountId) : undefined;
    if (!user) return undefined;
    const { email, groups, employee_id } = claimsOf(user);
    return { email, groups, ...(employee_id ? { employee_id } : {}) };
  },
  // Tenure's own clients are first-party: signing in grants what they ask, without a consent screen.
  async loadExistingGrant(ctx) {
    const existing = ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (existing) return ctx.oidc.provider.Grant.find(existing);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid offline_access email profile groups');
    grant.addResourceScope(audience, 'tenure');
    await grant.save();
    return grant;
  },
  interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
  ttl: { AccessToken: 3600, IdToken: 3600, Session: 8 * 3600, Grant: 8 * 3600, Interaction: 600 },
});
// The console may also come back to a loopback address on any port (as RFC 8252
// section 7.3 allows loopback clients), so a test can run a console of its own
// beside the environment's. Only this development provider does so.
const LOOPBACK_CONSOLE_CALLBACK = /^http:\/\/127\.0\.0\.1:\d{1,5}\/auth\/callback$/;
const redirectUriAllowed = provider.Client.prototype.redirectUriAllowed;
provider.Client.prototype.redirectUriAllowed = function allowLoopbackConsole(value) {
  if (this.clientId === 'tenure-console' && LOOPBACK_CONSOLE_CALLBACK.test(value)) return true;
  return redirectUriAllowed.call(this, value);
};

provider.on('server_error', (_ctx, error) => process.stderr.write(`dev-idp server error: ${error.message}\n`));

const oidc = provider.callback();
const INTERACTION = /^\/interaction\/([A-Za-z0-9_-]+)(\/login)?$/;

async function interaction(req, res, uid, submitted) {
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error('interaction mismatch');
  if (!submitted) return loginPage(res, uid, details.params.client_id);
  const form = await readForm(req);
  const user = byUsername.get(form.login ?? '');
  if (!user || !sameSecret(form.password ?? '', user.password)) {
    return loginPage(res, uid, details.params.client_id, 'Unknown user or wrong password.');
  }
  await provider.interactionFinished(req, res, { login: { accountId: user.username } }, { mergeWithLastSubmission: false });
}

createServer((req, res) => {
  const url = new URL(req.url, issuer);
  if (url.pathname === '/health') {
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    return;
  }
  const match = INTERACTION.exec(url.pathname);
  if (!match) return oidc(req, res);
  interaction(req, res, match[1], req.method === 'POST' && Boolean(match[2])).catch((error) => {
    res.writeHead(400, { 'content-type': 'text/plain' }).end(`sign-in failed: ${error.message}\n`);
  });
}).listen(port, env.TENURE_BIND_HOST ?? '127.0.0.1', () => {
  // The shape of every Tenure log line (libs/observability log-shape.ts).
  const line = { time: new Date().toISOString(), level: 'info', service: 'dev-idp', pid: process.pid };
  process.stdout.write(`${JSON.stringify({ ...line, msg: 'dev OpenID Connect provider listening', issuer, port })}\n`);
});
