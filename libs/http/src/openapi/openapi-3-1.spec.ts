import { toOpenApi31 } from './openapi-3-1';

describe('OpenAPI 3.1 from what @nestjs/swagger emits', () => {
  it('turns nullable into a null type or a null alternative', () => {
    const converted = toOpenApi31({
      openapi: '3.0.0',
      components: {
        schemas: {
          Person: {
            type: 'object',
            properties: {
              managerId: { type: 'string', nullable: true },
              tags: { type: 'array', items: { type: 'string' }, nullable: true },
              team: { allOf: [{ $ref: '#/components/schemas/Team' }], nullable: true },
              lead: { type: 'object', allOf: [{ $ref: '#/components/schemas/Person' }], nullable: true },
              decision: { type: 'string', enum: ['keep', 'revoke'], nullable: true },
              title: { type: 'string', nullable: false },
            },
          },
        },
      },
    });
    expect(converted).toEqual({
      openapi: '3.1.0',
      components: {
        schemas: {
          Person: {
            type: 'object',
            properties: {
              managerId: { type: ['string', 'null'] },
              tags: { type: ['array', 'null'], items: { type: 'string' } },
              team: { anyOf: [{ allOf: [{ $ref: '#/components/schemas/Team' }] }, { type: 'null' }] },
              lead: { anyOf: [{ type: 'object', allOf: [{ $ref: '#/components/schemas/Person' }] }, { type: 'null' }] },
              decision: { type: ['string', 'null'], enum: ['keep', 'revoke', null] },
              title: { type: 'string' },
            },
          },
        },
      },
    });
  });

  it('makes boolean exclusive bounds numeric and a schema example a list of examples', () => {
    expect(
      toOpenApi31({
        paths: {
          '/x': {
            get: {
              parameters: [
                {
                  name: 'limit',
                  in: 'query',
                  example: 5,
                  schema: { type: 'integer', minimum: 0, exclusiveMinimum: true },
                },
              ],
            },
          },
        },
        schema: { type: 'number', maximum: 10, exclusiveMaximum: false, example: 3 },
      }),
    ).toEqual({
      openapi: '3.1.0',
      paths: {
        '/x': {
          get: {
            parameters: [{ name: 'limit', in: 'query', example: 5, schema: { type: 'integer', exclusiveMinimum: 0 } }],
          },
        },
      },
      schema: { type: 'number', maximum: 10, examples: [3] },
    });
  });

  it('leaves a property that is called nullable alone', () => {
    const properties = { nullable: { type: 'boolean' } };
    expect(toOpenApi31({ schema: { type: 'object', properties } })).toEqual({
      openapi: '3.1.0',
      schema: { type: 'object', properties },
    });
  });
});
