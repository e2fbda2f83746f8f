import { ResultCodeError } from 'ldapts';
import { ConnectorErrorCode, ConnectorException } from '../../connector.exception';

/** LDAP result codes (RFC 4511 §4.1.9) the connector handles by number. */
export const LDAP_RESULT = {
  noSuchAttribute: 16,
  attributeOrValueExists: 20,
  noSuchObject: 32,
  invalidCredentials: 49,
  insufficientAccessRights: 50,
  busy: 51,
  unavailable: 52,
  objectClassViolation: 65,
  entryAlreadyExists: 68,
} as const;

function codeForResult(result: number): ConnectorErrorCode {
  switch (result) {
    case LDAP_RESULT.noSuchObject:
      return 'NOT_FOUND';
    case LDAP_RESULT.entryAlreadyExists:
    case LDAP_RESULT.attributeOrValueExists:
      return 'CONFLICT';
    case LDAP_RESULT.invalidCredentials:
    case LDAP_RESULT.insufficientAccessRights:
    case 8: // strongerAuthRequired
    case 48: // inappropriateAuthentication
      return 'UNAUTHORIZED';
    case LDAP_RESULT.busy:
    case LDAP_RESULT.unavailable:
    case 3: // timeLimitExceeded
    case 11: // adminLimitExceeded
    case 80: // other: slapd uses it for internal trouble
      return 'TEMPORARY';
    default:
      return 'INVALID';
  }
}

/** Every failure talking to a directory leaves the connector as a classified ConnectorException. */
export function classifyLdapError(error: unknown): ConnectorException {
  if (error instanceof ConnectorException) return error;
  if (error instanceof ResultCodeError) {
    const code = codeForResult(error.code);
    const message =
      code === 'UNAUTHORIZED'
        ? `the directory refused the gateway's credentials (LDAP result ${error.code})`
        : `the directory answered LDAP result ${error.code}: ${error.message.slice(0, 300)}`;
    return new ConnectorException(code, message);
  }
  // No LDAP answer at all: refused or reset connections, timeouts.
  const reason =
    (error as { code?: unknown } | null)?.code ?? (error instanceof Error ? error.message : 'unknown error');
  return new ConnectorException('TEMPORARY', `the directory could not be reached (${String(reason).slice(0, 200)})`);
}
