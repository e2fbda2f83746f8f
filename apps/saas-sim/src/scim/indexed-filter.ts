import type SCIMMY from 'scimmy';
import { AppDirectory } from '../directory/app-directory';
import { StoredGroup, StoredUser } from '../directory/directory-records';

type Expression = Record<string, unknown>;

/** `attribute eq "value"` alone, as SCIMMY parses it: `[{attribute: ["eq", "value"]}]`. */
function singleEquality(filter: SCIMMY.Types.Filter | undefined): { path: string[]; value: string } | undefined {
  const expressions = filter ? ([...filter] as Expression[]) : [];
  if (expressions.length !== 1) return undefined;
  const path: string[] = [];
  let node: unknown = expressions[0];
  while (node && typeof node === 'object' && !Array.isArray(node)) {
    const keys = Object.keys(node);
    if (keys.length !== 1) return undefined;
    path.push(keys[0].toLowerCase());
    node = (node as Expression)[keys[0]];
  }
  if (!Array.isArray(node) || node.length !== 2 || node[0] !== 'eq' || typeof node[1] !== 'string') return undefined;
  return { path, value: node[1] };
}

const existing = (directory: AppDirectory, ids: (string | undefined)[], read: (id: string) => unknown) =>
  ids.filter((id): id is string => id !== undefined && directory.hasUser(id)).map(read);

/**
 * Answers the look-ups clients make all the time (a user by id, userName or
 * externalId) from the directory's indexes, as a real app's database would;
 * undefined for any other filter, which is then matched user by user.
 */
export function indexedUsers(
  directory: AppDirectory,
  filter: SCIMMY.Types.Filter | undefined,
): StoredUser[] | undefined {
  const equality = singleEquality(filter);
  if (!equality || equality.path.length !== 1) return undefined;
  const [attribute] = equality.path;
  const read = (id: string) => directory.user(id);
  if (attribute === 'id') return existing(directory, [equality.value], read) as StoredUser[];
  if (attribute === 'username')
    return existing(directory, [directory.userIdNamed(equality.value)], read) as StoredUser[];
  if (attribute === 'externalid')
    return existing(directory, directory.userIdsWithExternalId(equality.value), read) as StoredUser[];
  return undefined;
}

/** A group by id or displayName, or the groups a user is a member of (`members[value eq "<id>"]`). */
export function indexedGroups(
  directory: AppDirectory,
  filter: SCIMMY.Types.Filter | undefined,
): StoredGroup[] | undefined {
  const equality = singleEquality(filter);
  if (!equality) return undefined;
  const key = equality.path.join('.');
  const ids =
    key === 'id'
      ? [equality.value]
      : key === 'displayname'
        ? [directory.groupIdNamed(equality.value)]
        : key === 'members.value'
          ? directory.groupIdsOfMember(equality.value)
          : undefined;
  if (!ids) return undefined;
  return ids.filter((id): id is string => id !== undefined && directory.hasGroup(id)).map((id) => directory.group(id));
}
