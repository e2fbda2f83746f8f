import type { OpenAPIObject } from '@nestjs/swagger';
import { successResponsesWithoutSchema } from './success-schemas';

const json = (schema: object) => ({ content: { 'application/json': { schema } } });

function documentWith(responses: Record<string, object>, schemas: Record<string, object> = {}): OpenAPIObject {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: { '/v1/things': { get: { responses: responses as never } } },
    components: { schemas: schemas as never },
  };
}

describe('successResponsesWithoutSchema', () => {
  it('accepts a JSON body whose schema names its properties, directly or through a $ref', () => {
    const document = documentWith(
      {
        '200': json({ $ref: '#/components/schemas/Thing' }),
        '202': json({ type: 'array', items: { type: 'string' } }),
      },
      { Thing: { type: 'object', properties: { id: { type: 'string' } } } },
    );
    expect(successResponsesWithoutSchema(document)).toEqual([]);
  });

  it('names a 2xx without content, or with a JSON body that says nothing', () => {
    const document = documentWith(
      {
        '200': { description: 'ok' },
        '201': json({ $ref: '#/components/schemas/Empty' }),
        '202': { content: { 'application/json': {} } },
        '400': { description: 'errors are not success answers' },
      },
      { Empty: { type: 'object', properties: {} } },
    );
    expect(successResponsesWithoutSchema(document)).toEqual([
      'GET /v1/things 200: no content type',
      'GET /v1/things 201: no JSON schema',
      'GET /v1/things 202: no JSON schema',
    ]);
  });

  it('lets a 204 go without a body and a file or stream go with only its content type', () => {
    const document = documentWith({
      '200': { content: { 'text/csv': { schema: { type: 'string' } }, 'application/x-ndjson': {} } },
      '204': { description: 'gone' },
    });
    expect(successResponsesWithoutSchema(document)).toEqual([]);
  });

  it('looks into oneOf, arrays and nested references', () => {
    const document = documentWith(
      {
        '200': json({
          oneOf: [{ $ref: '#/components/schemas/A' }, { type: 'array', items: { $ref: '#/components/schemas/B' } }],
        }),
      },
      { A: { type: 'object', properties: { a: { type: 'string' } } }, B: { type: 'object' } },
    );
    expect(successResponsesWithoutSchema(document)).toEqual(['GET /v1/things 200: no JSON schema']);
  });
});
