/**
 * @nestjs/swagger builds its schemas the OpenAPI 3.0 way; Tenure publishes
 * OpenAPI 3.1, whose schemas are JSON Schema 2020-12. This rewrites the few
 * 3.0-only keywords it emits: `nullable`, boolean `exclusiveMinimum` /
 * `exclusiveMaximum` and a single `example`.
 */
export function toOpenApi31<T extends object>(document: T): T {
  const converted = convert(document) as T & { openapi?: string };
  converted.openapi = '3.1.0';
  return converted;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function convert(node: unknown): Json {
  if (Array.isArray(node)) return node.map(convert);
  if (node === null || typeof node !== 'object') return node as Json;
  const object: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) object[key] = convert(value);
  return convertSchemaKeywords(object);
}

function convertSchemaKeywords(schema: { [key: string]: Json }): { [key: string]: Json } {
  for (const [bound, limit] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof schema[bound] === 'boolean') {
      if (schema[bound] === true && typeof schema[limit] === 'number') {
        schema[bound] = schema[limit];
        delete schema[limit];
      } else {
        delete schema[bound];
      }
    }
  }
  if ('example' in schema && isSchemaLike(schema) && !('examples' in schema)) {
    schema.examples = [schema.example];
    delete schema.example;
  }
  if (typeof schema.nullable !== 'boolean') return schema;
  const nullable = schema.nullable;
  delete schema.nullable;
  if (!nullable) return schema;
  // A $ref or a composition (a nullable class property comes as `type: object` + `allOf: [$ref]`):
  // a null type beside it would still fail the referenced schema, so null is one more alternative.
  if (['$ref', 'allOf', 'oneOf', 'anyOf'].some((key) => key in schema)) return { anyOf: [schema, { type: 'null' }] };
  // null must be one of an enum's values too, or the enum refuses it whatever the type says.
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) schema.enum = [...schema.enum, null];
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  if (Array.isArray(schema.type)) return { ...schema, type: [...schema.type.filter((t) => t !== 'null'), 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

/** Parameter and media type objects carry `example` too, where 3.1 still allows it. */
function isSchemaLike(node: { [key: string]: Json }): boolean {
  return 'type' in node || '$ref' in node || 'allOf' in node || 'properties' in node || 'items' in node;
}
