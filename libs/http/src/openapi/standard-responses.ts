import { OPENAPI_PUBLIC_EXTENSION } from '@tenure/auth';
import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Security = NonNullable<Operation['security']>;

export const ERROR_SCHEMA_NAME = 'Error';

/** Every error Tenure answers has this shape (libs/http HttpErrorFilter and the validation pipe). */
export const ERROR_SCHEMA = {
  type: 'object',
  description:
    'An error: `errors` names each invalid field (400); `error` and `message` say what else went wrong ' +
    '(the connector gateway answers `error` as an object with a code and whether a retry can help).',
  properties: {
    error: {
      oneOf: [
        { type: 'string' },
        {
          type: 'object',
          properties: { code: { type: 'string' }, message: { type: 'string' }, retryable: { type: 'boolean' } },
          required: ['code', 'message'],
        },
      ],
    },
    message: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { field: { type: 'string' }, message: { type: 'string' } },
        required: ['field', 'message'],
      },
    },
  },
} as const;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

export interface StandardResponseOptions {
  /** Security of an operation that names none (a service whose every route needs its token). */
  defaultSecurity?: Security;
  /** The scheme names whose check reaches the identity provider (unreachable: 503). */
  providerCheckedSchemes: readonly string[];
  /** A change to something named in the path may find it in a state that refuses it (409): what that means. */
  stateConflict?: string;
  /** Responses every authenticated operation of this service can give (e.g. 429 from a rate limit). */
  extraResponses?: Record<string, string>;
}

/**
 * The answers the shared plumbing gives on every route, so the document
 * lists them without each controller repeating them: 400 (validation),
 * 401/403 (the guards), 404 (an unknown id in the path), 503 (the identity
 * provider cannot be reached to check a person's token).
 */
export function addStandardResponses(document: OpenAPIObject, options: StandardResponseOptions): void {
  document.components = document.components ?? {};
  document.components.schemas = { ...document.components.schemas, [ERROR_SCHEMA_NAME]: { ...ERROR_SCHEMA } as never };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (operation) completeOperation(method, operation, options);
    }
  }
}

const CHANGES = new Set(['post', 'put', 'patch', 'delete']);

function completeOperation(method: string, operation: Operation, options: StandardResponseOptions): void {
  const extensions = operation as Operation & Record<string, unknown>;
  const isPublic = extensions[OPENAPI_PUBLIC_EXTENSION] === true;
  delete extensions[OPENAPI_PUBLIC_EXTENSION];
  if (!operation.security?.length) operation.security = isPublic ? [] : (options.defaultSecurity ?? []);
  const secured = operation.security.some((requirement) => Object.keys(requirement).length > 0);
  const errors: Record<string, string> = { '400': 'The request is not valid: each invalid field is named.' };
  if (secured) {
    errors['401'] = 'No valid credential.';
    errors['403'] = 'The credential may not use this route.';
  }
  if ((operation.parameters ?? []).some((parameter) => 'in' in parameter && parameter.in === 'path')) {
    errors['404'] = 'Nothing with this id.';
    if (secured && options.stateConflict && CHANGES.has(method)) errors['409'] = options.stateConflict;
  }
  const schemes = operation.security.flatMap((requirement) => Object.keys(requirement));
  if (schemes.some((scheme) => options.providerCheckedSchemes.includes(scheme))) {
    errors['503'] = 'The identity provider cannot be reached to check the access token.';
  }
  if (secured) Object.assign(errors, options.extraResponses);
  for (const [status, description] of Object.entries(errors)) {
    operation.responses[status] ??= { description, content: errorContent() };
  }
  // An error a controller documents itself (a 409 with its description) has the same shape.
  for (const [status, response] of Object.entries(operation.responses)) {
    const documented = response as { content?: object };
    if (/^[45]\d\d$/.test(status) && !('$ref' in documented) && !documented.content)
      documented.content = errorContent();
  }
}

function errorContent() {
  return { 'application/json': { schema: { $ref: `#/components/schemas/${ERROR_SCHEMA_NAME}` } } };
}
