import { inspect } from 'node:util';
import { HttpCredential } from './http-credential';

/**
 * A fixed Authorization header: a bearer token, or HTTP basic credentials. It
 * can be put in a header and nowhere else: it is a private field, and logging,
 * JSON or inspecting the object shows a placeholder, so a stray log line cannot leak it.
 */
export class BearerCredential implements HttpCredential {
  readonly #header: string;
  readonly refreshable = false;

  constructor(token: string, scheme: 'Bearer' | 'Basic' = 'Bearer') {
    this.#header = `${scheme} ${token}`;
  }

  static basic(username: string, password: string): BearerCredential {
    return new BearerCredential(Buffer.from(`${username}:${password}`, 'utf8').toString('base64'), 'Basic');
  }

  authorizationHeader(): Promise<string> {
    return Promise.resolve(this.#header);
  }

  invalidate(): void {
    // A fixed credential has nothing cached to forget.
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'BearerCredential([redacted])';
  }
}
