import { Type } from 'class-transformer';
import { IsOptional, IsUrl, Matches, ValidateNested } from 'class-validator';

/**
 * An endpoint of the app's own API for what SCIM leaves out (sessions,
 * ownership). `{id}` in the URL stands for the account's id in the app.
 */
export class AppEndpointConfig {
  @Matches(/^https?:\/\/[^\s]*\{id\}[^\s]*$/, { message: 'url must be an http(s) URL containing {id}' })
  url: string;
}

export class ScimConnectorConfig {
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  baseUrl: string;

  /** `DELETE` ends every session of the account and answers `{"revoked": n}`. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AppEndpointConfig)
  revokeSessions?: AppEndpointConfig;

  /** `POST {"toUserId"}` hands the account's items to another account and answers `{"transferred": n}`. */
  @IsOptional()
  @ValidateNested()
  @Type(() => AppEndpointConfig)
  transferOwnership?: AppEndpointConfig;
}

const DN = /^[^=,\s][^=,]*=[^,]+(,[^=,]+=[^,]+)*$/;

/**
 * An LDAP directory (OpenLDAP, 389-DS, Active Directory's LDAP): people are
 * inetOrgPerson entries under `usersDn`, groups groupOfNames under `groupsDn`.
 * Disabling moves an entry under `disabledUsersDn`, where the directory's
 * access rules must refuse binds (see README).
 */
export class LdapConnectorConfig {
  @Matches(/^ldaps?:\/\/[^\s/]+\/?$/, { message: 'url must be ldap://host:port or ldaps://host:port' })
  url: string;

  @Matches(DN, { message: 'usersDn must be a DN such as ou=people,dc=example,dc=com' })
  usersDn: string;

  @Matches(DN, { message: 'groupsDn must be a DN such as ou=groups,dc=example,dc=com' })
  groupsDn: string;

  @Matches(DN, { message: 'disabledUsersDn must be a DN such as ou=disabled,dc=example,dc=com' })
  disabledUsersDn: string;
}
