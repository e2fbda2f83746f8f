import SCIMMY from 'scimmy';
import { AppDirectory } from '../directory/app-directory';
import { DirectoryErrorCode, DirectoryException } from '../directory/directory.exception';
import { ScimAttributes } from '../directory/directory-records';
import { matchCaseInsensitive } from './case-insensitive-filter';
import { indexedGroups, indexedUsers } from './indexed-filter';

function scimErrorFor(code: DirectoryErrorCode, message: string): SCIMMY.Types.SCIMError {
  switch (code) {
    case 'NOT_FOUND':
      return new SCIMMY.Types.Error(404, '', message);
    case 'UNIQUENESS':
      return new SCIMMY.Types.Error(409, 'uniqueness', message);
    case 'INVALID_VALUE':
      return new SCIMMY.Types.Error(400, 'invalidValue', message);
  }
}

/**
 * SCIMMY turns any error it does not recognise into a 404 "Resource not found";
 * directory refusals become the SCIM errors a real app would send.
 */
function asScim<T>(operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    if (error instanceof DirectoryException) throw scimErrorFor(error.code, error.message);
    throw error;
  }
}

/** The request context is the directory of the app the request was addressed to (see scim-apps.router). */
function directoryOf(context: unknown): AppDirectory {
  if (context instanceof AppDirectory) return context;
  throw new SCIMMY.Types.Error(500, '', 'request reached SCIM handlers without an app');
}

function attributesOf(instance: object): ScimAttributes {
  return JSON.parse(JSON.stringify(instance)) as ScimAttributes;
}

let declared = false;

/**
 * SCIMMY keeps resource types in process-wide state, so Users and Groups are
 * declared once with handlers that act on whichever app's directory the
 * request carries as context. This is what lets one process serve many apps
 * with separate data.
 */
export function declareScimResources(): void {
  if (declared) return;
  declared = true;

  // Roles and certificates are not part of what the simulated apps offer, so they are not advertised either.
  SCIMMY.Schemas.User.definition.truncate('roles', 'x509Certificates');
  SCIMMY.Resources.declare(SCIMMY.Resources.User.extend(SCIMMY.Schemas.EnterpriseUser, false))
    .ingress((resource, instance, context) =>
      asScim(() => directoryOf(context).writeUser(resource.id, attributesOf(instance))),
    )
    .egress((resource, context) =>
      asScim(() => {
        const directory = directoryOf(context);
        if (resource.id) return directory.user(resource.id);
        return indexedUsers(directory, resource.filter) ?? matchCaseInsensitive(resource.filter, directory.users());
      }),
    )
    .degress((resource, context) => asScim(() => directoryOf(context).deleteUser(resource.id ?? '')));

  SCIMMY.Resources.declare(SCIMMY.Resources.Group)
    .ingress((resource, instance, context) =>
      asScim(() => directoryOf(context).writeGroup(resource.id, attributesOf(instance))),
    )
    .egress((resource, context) =>
      asScim(() => {
        const directory = directoryOf(context);
        if (resource.id) return directory.group(resource.id);
        return indexedGroups(directory, resource.filter) ?? matchCaseInsensitive(resource.filter, directory.groups());
      }),
    )
    .degress((resource, context) => asScim(() => directoryOf(context).deleteGroup(resource.id ?? '')));
}
