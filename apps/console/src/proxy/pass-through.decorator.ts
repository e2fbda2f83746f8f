import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiDefaultResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';

const UPSTREAM = {
  ops: "the ops API's path after /v1/ (its own /openapi.json at the orchestrator)",
  audit: "the audit API's path after /v1/audit/ (its own /openapi.json at the audit service)",
} as const;

/** Reads the web app makes, so the docs and the fuzzing reach real answers and not only 404s. */
const READ_EXAMPLES = {
  ops: ['people', 'policy', 'runs', 'access-requests'],
  audit: ['events', 'status'],
} as const;

const ANSWER = {
  description:
    'The answer of the API behind the console, status and body as its own document says (JSON, or a CSV or ' +
    'ZIP download); 502 when it does not answer.',
  content: {
    'application/json': { schema: {} },
    'text/csv': { schema: { type: 'string' } },
    'application/zip': { schema: { type: 'string', format: 'binary' } },
  },
};

/** How the pass-through routes are documented: the API behind them defines each path, body and answer. */
export const PassThrough = {
  path: (api: keyof typeof UPSTREAM, options: { read?: boolean } = {}) =>
    applyDecorators(
      ApiParam({
        name: 'path',
        description: `The rest of the path and its query, as ${UPSTREAM[api]}.`,
        schema: { type: 'string' },
        ...(options.read
          ? {
              examples: Object.fromEntries(
                READ_EXAMPLES[api].map((path) => [path.replace(/\W/g, '_'), { value: path }]),
              ),
            }
          : {}),
      }),
      ApiOkResponse(ANSWER),
      ApiDefaultResponse(ANSWER),
    ),
  body: () =>
    applyDecorators(
      ApiBody({
        required: false,
        description: 'Sent on as JSON, as the API behind it expects.',
        schema: { type: 'object', additionalProperties: true },
      }),
      ApiCreatedResponse(ANSWER),
    ),
};
