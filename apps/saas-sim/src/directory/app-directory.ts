import { randomUUID } from 'node:crypto';
import { DirectoryException } from './directory.exception';
import { GroupMember, ScimAttributes, SERVER_OWNED_ATTRIBUTES, StoredGroup, StoredUser } from './directory-records';

function clientAttributes(attributes: ScimAttributes): ScimAttributes {
  return Object.fromEntries(Object.entries(attributes).filter(([key]) => !SERVER_OWNED_ATTRIBUTES.includes(key)));
}

/**
 * Records are plain JSON, so a JSON round-trip is a full copy. (structuredClone
 * would do too, but under jest's sandbox its objects fail SCIMMY's
 * `instanceof Object` checks.)
 */
function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** userName and group displayName are case-insensitive in SCIM (RFC 7643 §4.1.1), and so is their uniqueness. */
const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function requiredString(attributes: ScimAttributes, name: string): string {
  const value = attributes[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DirectoryException('INVALID_VALUE', `${name} is required`);
  }
  return value;
}

/**
 * The users and groups of one simulated app, in memory. Each app has its own
 * directory, so apps share nothing but the process that serves them.
 * Reads return copies: callers never hold a reference into the store.
 */
export class AppDirectory {
  private readonly userStore = new Map<string, StoredUser>();
  private readonly groupStore = new Map<string, StoredGroup>();

  constructor(readonly appId: string) {}

  users(): StoredUser[] {
    return [...this.userStore.keys()].map((id) => this.user(id));
  }

  hasUser(id: string): boolean {
    return this.userStore.has(id);
  }

  user(id: string): StoredUser {
    const stored = this.userStore.get(id);
    if (!stored) throw new DirectoryException('NOT_FOUND', `User ${id} not found`);
    const groups = [...this.groupStore.values()]
      .filter((group) => group.members.some((member) => member.value === id))
      .map((group) => ({ value: group.id, display: group.displayName, type: 'direct' }));
    return copy({ ...stored, ...(groups.length > 0 ? { groups } : {}) });
  }

  /** Creates a user (no id) or replaces one (PUT, and PATCH once applied). */
  writeUser(id: string | undefined, attributes: ScimAttributes): StoredUser {
    const existing = id === undefined ? undefined : this.userStore.get(id);
    if (id !== undefined && !existing) throw new DirectoryException('NOT_FOUND', `User ${id} not found`);
    const userName = requiredString(attributes, 'userName');
    const taken = [...this.userStore.values()].some((user) => user.id !== id && sameName(user.userName, userName));
    if (taken) throw new DirectoryException('UNIQUENESS', `userName ${userName} is already in use`);
    const now = new Date().toISOString();
    const stored: StoredUser = {
      ...clientAttributes(attributes),
      id: existing?.id ?? randomUUID(),
      userName,
      meta: { created: existing?.meta.created ?? now, lastModified: now },
    };
    this.userStore.set(stored.id, stored);
    return this.user(stored.id);
  }

  deleteUser(id: string): void {
    if (!this.userStore.delete(id)) throw new DirectoryException('NOT_FOUND', `User ${id} not found`);
    for (const group of this.groupStore.values()) {
      group.members = group.members.filter((member) => member.value !== id);
    }
  }

  groups(): StoredGroup[] {
    return [...this.groupStore.keys()].map((id) => this.group(id));
  }

  group(id: string): StoredGroup {
    const stored = this.groupStore.get(id);
    if (!stored) throw new DirectoryException('NOT_FOUND', `Group ${id} not found`);
    return copy(stored);
  }

  writeGroup(id: string | undefined, attributes: ScimAttributes): StoredGroup {
    const existing = id === undefined ? undefined : this.groupStore.get(id);
    if (id !== undefined && !existing) throw new DirectoryException('NOT_FOUND', `Group ${id} not found`);
    const displayName = requiredString(attributes, 'displayName');
    const taken = [...this.groupStore.values()].some(
      (group) => group.id !== id && sameName(group.displayName, displayName),
    );
    if (taken) throw new DirectoryException('UNIQUENESS', `group ${displayName} already exists`);
    const now = new Date().toISOString();
    const stored: StoredGroup = {
      ...clientAttributes(attributes),
      id: existing?.id ?? randomUUID(),
      displayName,
      members: this.membersOf(attributes.members),
      meta: { created: existing?.meta.created ?? now, lastModified: now },
    };
    this.groupStore.set(stored.id, stored);
    return this.group(stored.id);
  }

  deleteGroup(id: string): void {
    if (!this.groupStore.delete(id)) throw new DirectoryException('NOT_FOUND', `Group ${id} not found`);
  }

  /** Members must be users of this app; adding someone twice keeps one membership, as real apps do. */
  private membersOf(value: unknown): GroupMember[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) throw new DirectoryException('INVALID_VALUE', 'members must be a list');
    const members = new Map<string, GroupMember>();
    for (const entry of value as unknown[]) {
      const memberId = (entry as { value?: unknown } | null)?.value;
      if (typeof memberId !== 'string') throw new DirectoryException('INVALID_VALUE', 'each member needs a value');
      const user = this.userStore.get(memberId);
      if (!user) throw new DirectoryException('INVALID_VALUE', `member ${memberId} is not a user of this app`);
      const display = typeof user.displayName === 'string' ? user.displayName : user.userName;
      members.set(memberId, { value: memberId, display, type: 'User' });
    }
    return [...members.values()];
  }
}
