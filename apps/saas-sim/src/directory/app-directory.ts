import { randomUUID } from 'node:crypto';
import { DirectoryException } from './directory.exception';
import {
  Activation,
  GroupMember,
  ScimAttributes,
  SERVER_OWNED_ATTRIBUTES,
  StoredGroup,
  StoredUser,
} from './directory-records';

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
  /** Indexes that keep lookups constant-time for directories of tens of thousands of users. */
  private readonly userIdByName = new Map<string, string>();
  private readonly groupIdsByMember = new Map<string, Set<string>>();
  /** Each user's `active` as it was stored, creation first: what tests read to see whether an account was ever on. */
  private readonly activationsByUser = new Map<string, Activation[]>();

  constructor(readonly appId: string) {}

  users(): StoredUser[] {
    return [...this.userStore.keys()].map((id) => this.user(id));
  }

  hasUser(id: string): boolean {
    return this.userStore.has(id);
  }

  hasGroup(id: string): boolean {
    return this.groupStore.has(id);
  }

  userCount(): number {
    return this.userStore.size;
  }

  /** Users startIndex..startIndex+count-1 (1-based, in creation order), for listing without a filter. */
  usersPage(startIndex: number, count: number): StoredUser[] {
    const ids = [...this.userStore.keys()].slice(startIndex - 1, startIndex - 1 + count);
    return ids.map((id) => this.user(id));
  }

  user(id: string): StoredUser {
    const stored = this.userStore.get(id);
    if (!stored) throw new DirectoryException('NOT_FOUND', `User ${id} not found`);
    const groups = [...(this.groupIdsByMember.get(id) ?? [])]
      .map((groupId) => this.groupStore.get(groupId))
      .filter((group): group is StoredGroup => group !== undefined)
      .map((group) => ({ value: group.id, display: group.displayName, type: 'direct' }));
    return copy({ ...stored, ...(groups.length > 0 ? { groups } : {}) });
  }

  /** Creates a user (no id) or replaces one (PUT, and PATCH once applied). */
  writeUser(id: string | undefined, attributes: ScimAttributes): StoredUser {
    const existing = id === undefined ? undefined : this.userStore.get(id);
    if (id !== undefined && !existing) throw new DirectoryException('NOT_FOUND', `User ${id} not found`);
    const userName = requiredString(attributes, 'userName');
    const holder = this.userIdByName.get(userName.toLowerCase());
    if (holder !== undefined && holder !== id) {
      throw new DirectoryException('UNIQUENESS', `userName ${userName} is already in use`);
    }
    const now = new Date().toISOString();
    const stored: StoredUser = {
      ...clientAttributes(attributes),
      id: existing?.id ?? randomUUID(),
      userName,
      meta: { created: existing?.meta.created ?? now, lastModified: now },
    };
    if (existing) this.userIdByName.delete(existing.userName.toLowerCase());
    this.userIdByName.set(userName.toLowerCase(), stored.id);
    this.userStore.set(stored.id, stored);
    this.recordActivation(stored, existing);
    return this.user(stored.id);
  }

  /** Every value the user's `active` took, in order (a write that leaves it unchanged adds nothing). */
  activations(id: string): Activation[] {
    if (!this.userStore.has(id)) throw new DirectoryException('NOT_FOUND', `User ${id} not found`);
    return copy(this.activationsByUser.get(id) ?? []);
  }

  private recordActivation(stored: StoredUser, existing: StoredUser | undefined): void {
    // SCIM's default for a user created without `active` is not defined; the simulated apps treat it as active.
    const active = stored.active !== false;
    if (existing && (existing.active !== false) === active) return;
    const history = this.activationsByUser.get(stored.id) ?? [];
    history.push({ at: stored.meta.lastModified, active });
    this.activationsByUser.set(stored.id, history);
  }

  deleteUser(id: string): void {
    const existing = this.userStore.get(id);
    if (!existing) throw new DirectoryException('NOT_FOUND', `User ${id} not found`);
    this.userStore.delete(id);
    this.activationsByUser.delete(id);
    this.userIdByName.delete(existing.userName.toLowerCase());
    for (const groupId of this.groupIdsByMember.get(id) ?? []) {
      const group = this.groupStore.get(groupId);
      if (group) group.members = group.members.filter((member) => member.value !== id);
    }
    this.groupIdsByMember.delete(id);
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
    if (existing) this.forgetMembers(existing);
    this.groupStore.set(stored.id, stored);
    for (const member of stored.members) {
      const groups = this.groupIdsByMember.get(member.value) ?? new Set<string>();
      groups.add(stored.id);
      this.groupIdsByMember.set(member.value, groups);
    }
    return this.group(stored.id);
  }

  deleteGroup(id: string): void {
    const existing = this.groupStore.get(id);
    if (!existing) throw new DirectoryException('NOT_FOUND', `Group ${id} not found`);
    this.groupStore.delete(id);
    this.forgetMembers(existing);
  }

  private forgetMembers(group: StoredGroup): void {
    for (const member of group.members) this.groupIdsByMember.get(member.value)?.delete(group.id);
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
      const given = entry as { display?: unknown; $ref?: unknown };
      const display =
        typeof given.display === 'string'
          ? given.display
          : typeof user.displayName === 'string'
            ? user.displayName
            : user.userName;
      members.set(memberId, {
        value: memberId,
        display,
        type: 'User',
        ...(typeof given.$ref === 'string' ? { $ref: given.$ref } : {}),
      });
    }
    return [...members.values()];
  }
}
