import { randomBytes } from 'node:crypto';

/**
 * Access tokens a simulated app issues through the OAuth 2.0
 * client-credentials grant, each valid for the app's token lifetime.
 */
export class OAuthTokens {
  private readonly expiries = new Map<string, number>();
  private issuedCount = 0;

  constructor(
    private readonly lifetimeSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  issue(): { access_token: string; token_type: 'Bearer'; expires_in: number } {
    const token = randomBytes(24).toString('hex');
    this.expiries.set(token, this.now() + this.lifetimeSeconds * 1000);
    this.issuedCount += 1;
    return { access_token: token, token_type: 'Bearer', expires_in: this.lifetimeSeconds };
  }

  isValid(token: string): boolean {
    const expiry = this.expiries.get(token);
    if (expiry === undefined) return false;
    if (expiry > this.now()) return true;
    this.expiries.delete(token);
    return false;
  }

  /** Every token stops working at once, as when an administrator rotates the client. */
  revokeAll(): void {
    this.expiries.clear();
  }

  get issued(): number {
    return this.issuedCount;
  }
}
