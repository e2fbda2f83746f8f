import { randomUUID } from 'node:crypto';
import { DirectoryException } from './directory.exception';
import {
  Activation,
  GroupMember,
  ResourceMeta,
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

function requiredString(attributes: ScimAttributes, name: string): string {
  const value = attributes[name];
  if (typeof value !== 'string' || value.trim() === '') {
    throw new DirectoryException('INVALID_VALUE', `${name} is required`);
  }
  return value;
}

/** A group as kept: its members by user id, so a membership change never rebuilds the list. */
interface KeptGroup {
  [attribute: string]: unknown;
  id: string;
  displayName: string;
  meta: ResourceMeta;
  memberships: Map<string, GroupMember>;
}

/**
 * The users and groups of one simulated app, in memory. Each app has its own
 * directory, so apps share nothing but the process that serves them.
 * Reads return copies: callers never hold a reference into the store.
 */
export class AppDirectory {
  private readonly userStore = new Map<string, StoredUser>();
  /** Groups with their members by user id: a membership change costs the same for 10 members or 100,000. */
  private readonly groupStore = new Map<string, KeptGroup>();
  /** Indexes that keep lookups constant-time for directories of tens of thousands of users. */
  private readonly userIdByName = new Map<string, string>();
  private readonly userIdsByExternalId = new Map<string, Set<string>>();
  private readonly groupIdByName = new Map<string, string>();
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

  /** The user named userName (case-insensitive, as SCIM compares it), if any. */
  userIdNamed(userName: string): string | undefined {
    return this.userIdByName.get(userName.toLowerCase());
  }

  /** The users carrying this externalId (case-exact, RFC 7643 §3.1); more than one is the client's doing. */
  userIdsWithExternalId(externalId: string): string[] {
    return [...(this.userIdsByExternalId.get(externalId) ?? [])];
  }

  groupIdNamed(displayName: string): string | undefined {
    return this.groupIdByName.get(displayName.toLowerCase());
  }

  groupIdsOfMember(userId: string): string[] {
    return [...(this.groupIdsByMember.get(userId) ?? [])];
  }

  /** Whether the user is on, without copying them: what a watcher of thousands of accounts asks. */
  isActive(id: string): boolean {
    const stored = this.userStore.get(id);
    if (!stored) throw new DirectoryException('NOT_FOUND', `User ${id} not found`);
    return stored.active !== false;
  }

  user(id: string): StoredUser {
    const stored = this.userStore.get(id);
    if (!stored) throw new DirectoryException('NOT_FOUND', `User ${id} not found`);
    const groups = [...(this.groupIdsByMember.get(id) ?? [])]
      .map((groupId) => this.groupStore.get(groupId))
      .filter((group): group is KeptGroup => group !== undefined)
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
    if (existing) {
      this.userIdByName.delete(existing.userName.toLowerCase());
      this.forgetExternalId(existing);
    }
    this.userIdByName.set(userName.toLowerCase(), stored.id);
    if (typeof stored.externalId === 'string') {
      const holders = this.userIdsByExternalId.get(stored.externalId) ?? new Set<string>();
      holders.add(stored.id);
      this.userIdsByExternalId.set(stored.externalId, holders);
    }
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
    this.forgetExternalId(existing);
    for (const groupId of this.groupIdsByMember.get(id) ?? []) this.groupStore.get(groupId)?.memberships.delete(id);
    this.groupIdsByMember.delete(id);
  }

  private forgetExternalId(user: StoredUser): void {
    if (typeof user.externalId !== 'string') return;
    const holders = this.userIdsByExternalId.get(user.externalId);
    holders?.delete(user.id);
    if (holders?.size === 0) this.userIdsByExternalId.delete(user.externalId);
  }

  groups(): StoredGroup[] {
    return [...this.groupStore.keys()].map((id) => this.group(id));
  }

  group(id: string, { withMembers = true } = {}): StoredGroup {
    const stored = this.groupStore.get(id);
    if (!stored) throw new DirectoryException('NOT_FOUND', `Group ${id} not found`);
    const { memberships, ...group } = stored;
    return copy({ ...group, members: withMembers ? [...memberships.values()] : [] } as StoredGroup);
  }

  writeGroup(id: string | undefined, attributes: ScimAttributes): StoredGroup {
    const existing = id === undefined ? undefined : this.groupStore.get(id);
    if (id !== undefined && !existing) throw new DirectoryException('NOT_FOUND', `Group ${id} not found`);
    const displayName = requiredString(attributes, 'displayName');
    const holder = this.groupIdByName.get(displayName.toLowerCase());
    if (holder !== undefined && holder !== id) {
      throw new DirectoryException('UNIQUENESS', `group ${displayName} already exists`);
    }
    const now = new Date().toISOString();
    const { members: _members, ...rest } = clientAttributes(attributes);
    const members = this.membersOf(attributes.members);
    const stored: KeptGroup = {
      ...rest,
      id: existing?.id ?? randomUUID(),
      displayName,
      memberships: new Map(members.map((member) => [member.value, member])),
      meta: { created: existing?.meta.created ?? now, lastModified: now },
    };
    if (existing) {
      this.forgetMembers(existing);
      this.groupIdByName.delete(existing.displayName.toLowerCase());
    }
    this.groupStore.set(stored.id, stored);
    this.groupIdByName.set(displayName.toLowerCase(), stored.id);
    for (const member of members) this.rememberMembership(member.value, stored.id);
    return this.group(stored.id);
  }

  /**
   * Adds and removes members without touching the others (a SCIM PATCH of
   * `members`): the cost is that of the members named, however large the group.
   */
  changeMembers(id: string, change: { add?: unknown; remove?: readonly string[] }): void {
    const stored = this.groupStore.get(id);
    if (!stored) throw new DirectoryException('NOT_FOUND', `Group ${id} not found`);
    const added = this.membersOf(change.add);
    for (const member of added) {
      if (!stored.memberships.has(member.value)) stored.memberships.set(member.value, member);
      this.rememberMembership(member.value, id);
    }
    for (const userId of change.remove ?? []) {
      stored.memberships.delete(userId);
      this.groupIdsByMember.get(userId)?.delete(id);
    }
    stored.meta = { ...stored.meta, lastModified: new Date().toISOString() };
  }

  private rememberMembership(userId: string, groupId: string): void {
    const groups = this.groupIdsByMember.get(userId) ?? new Set<string>();
    groups.add(groupId);
    this.groupIdsByMember.set(userId, groups);
  }

  deleteGroup(id: string): void {
    const existing = this.groupStore.get(id);
    if (!existing) throw new DirectoryException('NOT_FOUND', `Group ${id} not found`);
    this.groupStore.delete(id);
    this.groupIdByName.delete(existing.displayName.toLowerCase());
    this.forgetMembers(existing);
  }

  private forgetMembers(group: KeptGroup): void {
    for (const userId of group.memberships.keys()) this.groupIdsByMember.get(userId)?.delete(group.id);
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
