import { OAuthClientCredentials } from './oauth-client-credentials';
import { SecretValue } from './secret-value';

describe('OAuthClientCredentials', () => {
  const realFetch = global.fetch;
  let now = 0;
  let issued = 0;
  let answer: () => Response;
  const requests: { authorization: string | null; body: string }[] = [];

  beforeEach(() => {
    now = 1_000_000;
    issued = 0;
    requests.length = 0;
    answer = () => {
      issued += 1;
      return Response.json({ access_token: `token-${issued}`, token_type: 'Bearer', expires_in: 120 });
    };
    global.fetch = (async (_url: string, init: RequestInit) => {
      requests.push({ authorization: new Headers(init.headers).get('authorization'), body: String(init.body) });
      return answer();
    }) as typeof fetch;
  });

  afterAll(() => {
    global.fetch = realFetch;
  });

  const credentials = () =>
    new OAuthClientCredentials({
      tokenUrl: 'https://app.example.com/oauth/token',
      clientId: 'tenure',
      clientSecret: new SecretValue('s3cret:value'),
      scope: 'scim',
      timeoutMs: 1000,
      now: () => now,
    });

  it('asks once with HTTP basic client authentication, and shares the token', async () => {
    const oauth = credentials();
    const headers = await Promise.all([oauth.authorizationHeader(), oauth.authorizationHeader()]);
    expect(headers).toEqual(['Bearer token-1', 'Bearer token-1']);
    expect(requests).toHaveLength(1);
    expect(requests[0].authorization).toBe(`Basic ${Buffer.from('tenure:s3cret%3Avalue').toString('base64')}`);
    expect(requests[0].body).toBe('grant_type=client_credentials&scope=scim');
  });

  it('renews the token before it expires, and after invalidate()', async () => {
    const oauth = credentials();
    await oauth.authorizationHeader();
    now += 80_000; // 120 s lifetime, renewed 30 s before the end
    expect(await oauth.authorizationHeader()).toBe('Bearer token-1');
    now += 11_000;
    expect(await oauth.authorizationHeader()).toBe('Bearer token-2');
    oauth.invalidate();
    expect(await oauth.authorizationHeader()).toBe('Bearer token-3');
  });

  it('classifies refusals: bad client as UNAUTHORIZED, endpoint trouble as TEMPORARY', async () => {
    answer = () => Response.json({ error: 'invalid_client' }, { status: 401 });
    await expect(credentials().authorizationHeader()).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
      message: expect.stringContaining('invalid_client'),
    });
    answer = () => new Response('busy', { status: 503 });
    await expect(credentials().authorizationHeader()).rejects.toMatchObject({ code: 'TEMPORARY' });
  });
});
