import { inspect } from 'node:util';

/**
 * An app's bearer token. It can be put in an Authorization header and nowhere
 * else: it is a private field, and logging, JSON or inspecting the object
 * shows a placeholder, so a stray log line cannot leak it.
 */
export class BearerCredential {
  readonly #token: string;

  constructor(token: string) {
    this.#token = token;
  }

  authorizationHeader(): string {
    return `Bearer ${this.#token}`;
  }

  toJSON(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'BearerCredential([redacted])';
  }
}
