/** SCIM attributes as received, before the app keeps them. */
export type ScimAttributes = Record<string, unknown>;

export interface ResourceMeta {
  created: string;
  lastModified: string;
}

export interface StoredUser {
  [attribute: string]: unknown;
  id: string;
  userName: string;
  meta: ResourceMeta;
}

/** A change of a user's `active`, as the app stored it. */
export interface Activation {
  at: string;
  active: boolean;
}

export interface GroupMember {
  value: string;
  display?: string;
  type: 'User';
  $ref?: string;
}

export interface StoredGroup {
  [attribute: string]: unknown;
  id: string;
  displayName: string;
  members: GroupMember[];
  meta: ResourceMeta;
}

/** Attributes the app owns (or never keeps, like a password): whatever a client sends for them is ignored. */
export const SERVER_OWNED_ATTRIBUTES = ['id', 'meta', 'schemas', 'groups', 'password'];
