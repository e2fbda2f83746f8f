import { ConnectorException } from '../../connector.exception';
import { equalsFilter, filterQuery, resourcePath } from './scim-filter';
import { groupNamesOf } from './scim-user.mapper';
import {
  asScimGroup,
  listedResources,
  listResponse,
  patchOp,
  SCIM_GROUP_SCHEMA,
  ScimApi,
  ScimGroup,
  ScimUser,
} from './scim.types';

async function findGroup(api: ScimApi, displayName: string): Promise<ScimGroup | undefined> {
  const [group] = listedResources(
    await api.request('GET', filterQuery('Groups', equalsFilter('displayName', displayName))),
    asScimGroup,
  );
  if (!group || group.members !== undefined) return group;
  // Some apps leave members out of list responses; the group itself has them.
  return asScimGroup(await api.request('GET', resourcePath('Groups', group.id)));
}

async function createGroupWith(api: ScimApi, displayName: string, userId: string): Promise<ScimGroup | undefined> {
  try {
    await api.request('POST', '/Groups', { schemas: [SCIM_GROUP_SCHEMA], displayName, members: [{ value: userId }] });
    return undefined;
  } catch (error) {
    // Someone created it since we looked: use theirs.
    if (!(error instanceof ConnectorException && error.code === 'CONFLICT')) throw error;
    const existing = await findGroup(api, displayName);
    if (!existing) throw error;
    return existing;
  }
}

/** How membership changes reach the app: PATCH where it supports it, else PUT of the whole group. */
export interface GroupWriteOptions {
  patch: boolean;
}

/**
 * Group ids by display name (case-insensitive, as SCIM compares them), as
 * found in the app: groups are created by administrators and live for years,
 * so a user just created is added without looking the group up again.
 */
export class KnownGroups {
  private readonly ids = new Map<string, string>();

  get(displayName: string): string | undefined {
    return this.ids.get(displayName.toLowerCase());
  }

  remember(displayName: string, id: string): void {
    this.ids.set(displayName.toLowerCase(), id);
  }

  forget(displayName: string): void {
    this.ids.delete(displayName.toLowerCase());
  }
}

/** What the connector knows of the user already: a user it has just created is nobody's member yet. */
export interface MembershipContext {
  known?: KnownGroups;
  newUser?: boolean;
}

const addMember = (userId: string) => patchOp({ op: 'add', path: 'members', value: [{ value: userId }] });

/** One PATCH to a group the connector knows, for a user that cannot be in it yet; false when the group is gone. */
async function addToKnownGroup(
  api: ScimApi,
  userId: string,
  displayName: string,
  known: KnownGroups,
): Promise<boolean> {
  const groupId = known.get(displayName);
  if (!groupId) return false;
  try {
    await api.request('PATCH', resourcePath('Groups', groupId), addMember(userId));
    return true;
  } catch (error) {
    if (!(error instanceof ConnectorException && error.code === 'NOT_FOUND')) throw error;
    known.forget(displayName);
    return false;
  }
}

/** For apps without PATCH: the group sent back whole with its new member list. */
async function replaceMembers(api: ScimApi, group: ScimGroup, members: { value: string }[]): Promise<void> {
  const { meta: _meta, ...rest } = group;
  await api.request('PUT', resourcePath('Groups', group.id), { ...rest, members });
}

/** Makes the user a member of the group named displayName; a member already is left alone. */
async function ensureMembership(
  api: ScimApi,
  userId: string,
  displayName: string,
  { patch }: GroupWriteOptions,
  { known, newUser }: MembershipContext,
): Promise<void> {
  if (patch && newUser && known && (await addToKnownGroup(api, userId, displayName, known))) return;
  // Real apps usually have their groups created by an administrator; the
  // simulated apps and fresh tenants may not, so a missing group is created.
  const group = (await findGroup(api, displayName)) ?? (await createGroupWith(api, displayName, userId));
  if (group) known?.remember(displayName, group.id);
  if (!group || group.members?.some((member) => member.value === userId)) return;
  if (!patch) return replaceMembers(api, group, [...(group.members ?? []), { value: userId }]);
  await api.request('PATCH', resourcePath('Groups', group.id), addMember(userId));
}

export async function ensureGroupMemberships(
  api: ScimApi,
  userId: string,
  displayNames: readonly string[],
  options: GroupWriteOptions = { patch: true },
  context: MembershipContext = {},
): Promise<void> {
  for (const displayName of new Set(displayNames)) {
    await ensureMembership(api, userId, displayName, options, context);
  }
}

/** Takes the user out of each named group; a group that does not exist or lacks the user is left alone. */
export async function removeGroupMemberships(
  api: ScimApi,
  userId: string,
  displayNames: readonly string[],
  options: GroupWriteOptions = { patch: true },
): Promise<void> {
  for (const displayName of new Set(displayNames)) {
    const group = await findGroup(api, displayName);
    if (!group?.members?.some((member) => member.value === userId)) continue;
    if (!options.patch) {
      await replaceMembers(
        api,
        group,
        group.members.filter((member) => member.value !== userId),
      );
      continue;
    }
    await api.request(
      'PATCH',
      resourcePath('Groups', group.id),
      patchOp({ op: 'remove', path: `members[value eq ${JSON.stringify(userId)}]` }),
    );
  }
}

/**
 * The names of the user's groups: from its read-only `groups` attribute when
 * the app fills it in, else by asking for the groups that have it as a member.
 */
export async function groupNamesOfUser(api: ScimApi, user: ScimUser): Promise<string[]> {
  if (Array.isArray(user.groups)) return groupNamesOf(user);
  const filter = `members[value eq ${JSON.stringify(user.id)}]`;
  const groups = listedResources(await api.request('GET', `/Groups?filter=${encodeURIComponent(filter)}`), asScimGroup);
  return groups.map((group) => group.displayName).sort();
}

/** Every group's members, paged through once: user id → group names, for listing many users. */
export async function groupsByMember(api: ScimApi, pageSize: number): Promise<Map<string, string[]>> {
  const byMember = new Map<string, string[]>();
  for (let startIndex = 1; ;) {
    const page = listResponse(
      await api.request('GET', `/Groups?startIndex=${startIndex}&count=${pageSize}`),
      asScimGroup,
    );
    for (const group of page.resources) {
      for (const member of group.members ?? []) {
        byMember.set(member.value, [...(byMember.get(member.value) ?? []), group.displayName]);
      }
    }
    startIndex += page.resources.length;
    const done = page.resources.length === 0 || (page.totalResults !== undefined && startIndex > page.totalResults);
    if (done) return byMember;
  }
}
