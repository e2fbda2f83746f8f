import { HttpException, Injectable } from '@nestjs/common';
import { ScimErrorBody, scimErrorBody, ScimException } from './scim-error';
import { SCIM_BULK_REQUEST, SCIM_BULK_RESPONSE } from './scim-schemas';
import { ScimMethod, ScimOutcome, ScimUsersService } from './scim-users.service';

/** Operations per Bulk request, as advertised in ServiceProviderConfig (Entra sends at most 50). */
export const SCIM_BULK_MAX_OPERATIONS = 100;

const METHODS: ScimMethod[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const USER_PATH = /^\/Users\/([^/]+)$/;

export interface BulkOperationResponse {
  method: string;
  bulkId?: string;
  location?: string;
  status: string;
  response?: ScimErrorBody | Record<string, unknown>;
}

export interface BulkResponse {
  schemas: [typeof SCIM_BULK_RESPONSE];
  Operations: BulkOperationResponse[];
}

interface BulkOperation {
  method: ScimMethod;
  bulkId?: string;
  path: string;
  data?: unknown;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * RFC 7644 §3.7 Bulk, as Microsoft Entra's API-driven inbound provisioning
 * uses it: each operation is applied in order and answered with its own
 * status; `bulkId:<id>` in a path refers to a user created earlier in the
 * request; after `failOnErrors` failures the rest is not attempted.
 */
@Injectable()
export class ScimBulkService {
  constructor(private readonly users: ScimUsersService) {}

  async apply(body: unknown, baseUrl: string): Promise<BulkResponse> {
    const { operations, failOnErrors } = this.parse(body);
    const createdIds = new Map<string, string>();
    const results: BulkOperationResponse[] = [];
    let failures = 0;
    for (const [index, raw] of operations.entries()) {
      if (failOnErrors !== undefined && failures >= failOnErrors) break;
      const method = isObject(raw) && typeof raw.method === 'string' ? raw.method.toUpperCase() : '';
      const bulkId = isObject(raw) && typeof raw.bulkId === 'string' ? raw.bulkId : undefined;
      try {
        const operation = this.operationOf(raw, index);
        const outcome = await this.run(operation, createdIds);
        if (operation.bulkId && operation.method === 'POST') createdIds.set(operation.bulkId, outcome.id);
        results.push({
          method: operation.method,
          ...(bulkId ? { bulkId } : {}),
          location: `${baseUrl}/Users/${encodeURIComponent(outcome.id)}`,
          status: String(outcome.status),
        });
      } catch (error) {
        if (!(error instanceof HttpException) || error.getStatus() >= 500) throw error;
        failures++;
        const response = error.getResponse();
        results.push({
          method: method || 'UNKNOWN',
          ...(bulkId ? { bulkId } : {}),
          status: String(error.getStatus()),
          response:
            isObject(response) && 'schemas' in response ? response : scimErrorBody(error.getStatus(), error.message),
        });
      }
    }
    return { schemas: [SCIM_BULK_RESPONSE], Operations: results };
  }

  private parse(body: unknown): { operations: unknown[]; failOnErrors?: number } {
    if (!isObject(body) || !Array.isArray(body.schemas) || !body.schemas.includes(SCIM_BULK_REQUEST)) {
      throw new ScimException(
        400,
        `the body must be a BulkRequest (schemas: ["${SCIM_BULK_REQUEST}"])`,
        'invalidSyntax',
      );
    }
    if (!Array.isArray(body.Operations) || body.Operations.length === 0) {
      throw new ScimException(400, 'Operations must be a non-empty list', 'invalidSyntax');
    }
    if (body.Operations.length > SCIM_BULK_MAX_OPERATIONS) {
      throw new ScimException(413, `at most ${SCIM_BULK_MAX_OPERATIONS} operations per request`, 'tooMany');
    }
    const failOnErrors = body.failOnErrors;
    if (failOnErrors !== undefined && (!Number.isInteger(failOnErrors) || (failOnErrors as number) < 1)) {
      throw new ScimException(400, 'failOnErrors must be a positive integer', 'invalidValue');
    }
    return { operations: body.Operations, failOnErrors: failOnErrors as number | undefined };
  }

  private operationOf(raw: unknown, index: number): BulkOperation {
    const at = `Operations[${index}]`;
    if (!isObject(raw)) throw new ScimException(400, `${at} must be an object`, 'invalidSyntax');
    const method = typeof raw.method === 'string' ? (raw.method.toUpperCase() as ScimMethod) : undefined;
    if (!method || !METHODS.includes(method)) {
      throw new ScimException(400, `${at}.method must be one of ${METHODS.join(', ')}`, 'invalidValue');
    }
    if (typeof raw.path !== 'string') throw new ScimException(400, `${at}.path is required`, 'invalidPath');
    if (method === 'POST' && (typeof raw.bulkId !== 'string' || raw.bulkId === '')) {
      throw new ScimException(400, `${at}.bulkId is required for POST`, 'invalidValue');
    }
    return {
      method,
      bulkId: typeof raw.bulkId === 'string' ? raw.bulkId : undefined,
      path: raw.path,
      data: raw.data,
    };
  }

  private run(operation: BulkOperation, createdIds: Map<string, string>): Promise<ScimOutcome> {
    if (operation.method === 'POST') {
      if (operation.path !== '/Users') throw new ScimException(400, 'POST is allowed on /Users only', 'invalidPath');
      return this.users.create(operation.data);
    }
    const match = USER_PATH.exec(operation.path);
    if (!match) throw new ScimException(400, `${operation.method} needs a path /Users/<id>`, 'invalidPath');
    let id = decodeURIComponentSafe(match[1]);
    if (id.startsWith('bulkId:')) {
      const created = createdIds.get(id.slice('bulkId:'.length));
      if (!created) throw new ScimException(409, `${id} does not name a user created earlier in this request`);
      id = created;
    }
    if (operation.method === 'PUT') return this.users.replace(id, operation.data);
    if (operation.method === 'PATCH') return this.users.patch(id, operation.data);
    return this.users.remove(id);
  }
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw new ScimException(400, 'the path is not valid URL encoding', 'invalidPath');
  }
}
