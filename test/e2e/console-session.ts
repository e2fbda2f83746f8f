import { requiredEnv } from '@tenure/testing';
import { devUser } from './dev-sign-in';

export interface ConsoleSession {
  /** The `Cookie` header value a browser would send: the console's session cookie. */
  cookie: string;
  /** The session's anti-forgery token, for the x-tenure-csrf header. */
  csrfToken: string;
}

/**
 * A real console session for a development user, without a browser: the
 * console's own /auth/login, the provider's sign-in form, and back through
 * /auth/callback, following each redirect by hand and keeping the cookies.
 */
export async function consoleSessionOf(
  username: string,
  consoleUrl = requiredEnv('TENURE_CONSOLE_URL'),
): Promise<ConsoleSession> {
  const user = devUser(username);
  // Console and provider share the host (ports differ) and their cookie names differ: one jar does.
  const jar = new Map<string, string>();
  const step = async (url: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
    return response;
  };
  const redirectOf = (response: Response, from: string): string => {
    const location = response.headers.get('location');
    if (!location) throw new Error(`console sign-in: ${from} answered ${response.status} without a redirect`);
    return new URL(location, from).toString();
  };

  const callbackUrl = `${consoleUrl.replace(/\/$/, '')}/auth/callback`;
  let url = redirectOf(await step(`${consoleUrl}/auth/login`), `${consoleUrl}/auth/login`);
  // The provider's authorization endpoint sends the browser to its sign-in form.
  url = redirectOf(await step(url), url);
  const form = await step(url);
  const action = /action="([^"]+)"/.exec(await form.text())?.[1];
  if (!action) throw new Error(`console sign-in: no sign-in form at ${url} (${form.status})`);
  const formUrl = new URL(action.replace(/&amp;/g, '&'), url).toString();
  const submitted = await step(formUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: user.username, password: user.password }).toString(),
  });
  url = redirectOf(submitted, formUrl);
  while (!url.startsWith(callbackUrl)) url = redirectOf(await step(url), url);
  const back = await step(url);
  if (back.status !== 302 || !jar.has('tenure_session')) {
    throw new Error(`console sign-in: the callback answered ${back.status}: ${await back.text()}`);
  }
  const cookie = `tenure_session=${jar.get('tenure_session')}`;
  const me = await fetch(`${consoleUrl}/api/me`, { headers: { cookie } });
  if (me.status !== 200) throw new Error(`console sign-in: /api/me answered ${me.status}`);
  return { cookie, csrfToken: ((await me.json()) as { csrfToken: string }).csrfToken };
}
