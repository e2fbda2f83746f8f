import { randomBytes } from 'node:crypto';
import type { PersonPrincipal } from '@tenure/auth';

/** What the console keeps for a signed-in person; the browser only ever holds the session id. */
export interface ConsoleSession {
  accessToken: string;
  idToken?: string;
  person: PersonPrincipal;
  name?: string;
  email?: string;
  /** CSRF token the web app sends back as `X-Tenure-CSRF` on every state-changing call. */
  csrf: string;
  expiresAt: number;
}

/** A sign-in on its way through the provider: the PKCE verifier, state and nonce, for ten minutes. */
export interface PendingSignIn {
  codeVerifier: string;
  state: string;
  nonce: string;
  returnTo: string;
  expiresAt: number;
}

const PENDING_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 10_000;

const newId = () => randomBytes(32).toString('base64url');

/**
 * Sessions in memory: tokens never reach the browser (OAuth 2.0 for
 * Browser-Based Apps, backend for frontend). A restart signs everyone out,
 * as the development provider's own sessions do; several console replicas
 * would need sticky sessions or a shared store.
 */
export class SessionStore {
  private readonly sessions = new Map<string, ConsoleSession>();
  private readonly pending = new Map<string, PendingSignIn>();

  startSignIn(sign: Omit<PendingSignIn, 'expiresAt'>): string {
    const id = newId();
    this.prune();
    this.pending.set(id, { ...sign, expiresAt: Date.now() + PENDING_TTL_MS });
    return id;
  }

  /** A pending sign-in is used once. */
  takeSignIn(id: string | undefined): PendingSignIn | undefined {
    if (!id) return undefined;
    const found = this.pending.get(id);
    this.pending.delete(id);
    return found && found.expiresAt > Date.now() ? found : undefined;
  }

  create(session: Omit<ConsoleSession, 'csrf'>): { id: string; session: ConsoleSession } {
    const id = newId();
    this.prune();
    const stored = { ...session, csrf: newId() };
    this.sessions.set(id, stored);
    return { id, session: stored };
  }

  get(id: string | undefined): ConsoleSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session && session.expiresAt <= Date.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  destroy(id: string | undefined): ConsoleSession | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    return session;
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, entry] of this.pending) if (entry.expiresAt <= now) this.pending.delete(id);
    for (const [id, entry] of this.sessions) if (entry.expiresAt <= now) this.sessions.delete(id);
    // A flood of abandoned sign-ins must not grow memory without bound: the oldest go first.
    while (this.pending.size > MAX_ENTRIES) this.pending.delete(this.pending.keys().next().value as string);
    while (this.sessions.size > MAX_ENTRIES) this.sessions.delete(this.sessions.keys().next().value as string);
  }
}
