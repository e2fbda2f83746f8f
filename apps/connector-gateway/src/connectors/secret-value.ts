import { inspect } from 'node:util';

/**
 * A secret (password, client secret) read from the environment or a file. Only
 * `reveal()` gives the value; logging, JSON or inspecting shows a placeholder.
 */
export class SecretValue {
  readonly #value: string;

  constructor(value: string) {
    this.#value = value;
  }

  reveal(): string {
    return this.#value;
  }

  toJSON(): string {
    return '[redacted]';
  }

  toString(): string {
    return '[redacted]';
  }

  [inspect.custom](): string {
    return 'SecretValue([redacted])';
  }
}
