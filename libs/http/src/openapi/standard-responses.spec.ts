import type { OpenAPIObject } from '@nestjs/swagger';
import { addStandardResponses } from './standard-responses';

const ERROR_REF = { $ref: '#/components/schemas/Error' };

describe('addStandardResponses', () => {
  it('gives an error the controller documents by description alone the Error schema', () => {
    const document: OpenAPIObject = {
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/ssf/status': {
          post: {
            security: [{ serviceToken: [] }],
            responses: {
              '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object' } } } },
              '409': { description: 'The stream is disabled.' },
            },
          },
        },
      },
    };
    addStandardResponses(document, { providerCheckedSchemes: [] });
    const responses = document.paths['/ssf/status'].post!.responses as Record<string, { content?: unknown }>;
    expect(responses['409']).toEqual({
      description: 'The stream is disabled.',
      content: { 'application/json': { schema: ERROR_REF } },
    });
    expect(responses['401'].content).toEqual({ 'application/json': { schema: ERROR_REF } });
    expect(responses['200'].content).toEqual({ 'application/json': { schema: { type: 'object' } } });
  });
});
