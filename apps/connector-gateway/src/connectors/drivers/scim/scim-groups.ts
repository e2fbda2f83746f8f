import { ConnectorException } from '../../connector.exception';
import { equalsFilter, filterQuery, resourcePath } from './scim-filter';
import { asScimGroup, listedResources, patchOp, SCIM_GROUP_SCHEMA, ScimApi, ScimGroup } from './scim.types';

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

/** Makes the user a member of the group named displayName; a member already is left alone. */
async function ensureMembership(api: ScimApi, userId: string, displayName: string): Promise<void> {
  // Real apps usually have their groups created by an administrator; the
  // simulated apps and fresh tenants may not, so a missing group is created.
  const group = (await findGroup(api, displayName)) ?? (await createGroupWith(api, displayName, userId));
  if (!group || group.members?.some((member) => member.value === userId)) return;
  await api.request(
    'PATCH',
    resourcePath('Groups', group.id),
    patchOp({ op: 'add', path: 'members', value: [{ value: userId }] }),
  );
}

export async function ensureGroupMemberships(
  api: ScimApi,
  userId: string,
  displayNames: readonly string[],
): Promise<void> {
  for (const displayName of new Set(displayNames)) {
    await ensureMembership(api, userId, displayName);
  }
}

/** Takes the user out of each named group; a group that does not exist or lacks the user is left alone. */
export async function removeGroupMemberships(
  api: ScimApi,
  userId: string,
  displayNames: readonly string[],
): Promise<void> {
  for (const displayName of new Set(displayNames)) {
    const group = await findGroup(api, displayName);
    if (!group?.members?.some((member) => member.value === userId)) continue;
    await api.request(
      'PATCH',
      resourcePath('Groups', group.id),
      patchOp({ op: 'remove', path: `members[value eq ${JSON.stringify(userId)}]` }),
    );
  }
}
