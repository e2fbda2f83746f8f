import { randomUUID } from 'node:crypto';
import { AppDirectory } from '../directory/app-directory';
import { DirectoryException } from '../directory/directory.exception';

export interface SignInSession {
  id: string;
  userId: string;
  createdAt: string;
}

export interface OwnedItem {
  id: string;
  name: string;
  ownerId: string;
  createdAt: string;
}

/**
 * What SCIM does not cover but a leaver's removal must: the sign-in sessions a
 * user holds and the items (documents, repositories, records) they own. Real
 * apps expose these through their own APIs; the simulated apps do the same
 * under /<appId>/api/v1, so session revocation and ownership transfer can be
 * exercised end to end.
 */
export class UserActivity {
  private readonly sessions = new Map<string, SignInSession[]>();
  private readonly items = new Map<string, OwnedItem>();

  constructor(private readonly directory: AppDirectory) {}

  /** A sign-in: a deactivated user cannot get a session, as in a real app. */
  signIn(userId: string): SignInSession {
    const user = this.directory.user(userId);
    if (user.active === false) throw new DirectoryException('INVALID_VALUE', `User ${userId} is deactivated`);
    const session = { id: randomUUID(), userId, createdAt: new Date().toISOString() };
    this.sessions.set(userId, [...this.sessionsOf(userId), session]);
    return session;
  }

  sessionsOf(userId: string): SignInSession[] {
    this.requireUser(userId);
    return [...(this.sessions.get(userId) ?? [])];
  }

  /** Ends every session of the user; answers how many there were (0 the second time). */
  revokeSessions(userId: string): number {
    const count = this.sessionsOf(userId).length;
    this.sessions.delete(userId);
    return count;
  }

  createItem(ownerId: string, name: string): OwnedItem {
    this.requireUser(ownerId);
    const item = { id: randomUUID(), name, ownerId, createdAt: new Date().toISOString() };
    this.items.set(item.id, item);
    return { ...item };
  }

  itemsOf(ownerId: string): OwnedItem[] {
    this.requireUser(ownerId);
    return [...this.items.values()].filter((item) => item.ownerId === ownerId).map((item) => ({ ...item }));
  }

  /** Hands every item of one user to another; answers how many moved (0 when repeated). */
  transferItems(fromUserId: string, toUserId: string): number {
    this.requireUser(fromUserId);
    this.requireUser(toUserId);
    if (fromUserId === toUserId) throw new DirectoryException('INVALID_VALUE', 'cannot transfer items to their owner');
    let moved = 0;
    for (const item of this.items.values()) {
      if (item.ownerId !== fromUserId) continue;
      item.ownerId = toUserId;
      moved += 1;
    }
    return moved;
  }

  private requireUser(userId: string): void {
    if (!this.directory.hasUser(userId)) throw new DirectoryException('NOT_FOUND', `User ${userId} not found`);
  }
}
