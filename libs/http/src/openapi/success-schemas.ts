import type { OpenAPIObject } from '@nestjs/swagger';

type Schema = Record<string, unknown>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The 2xx answers of a document that say nothing a client (or a fuzzer) can
 * check: a JSON body without a schema, or one whose schema is an empty
 * object (an interface the build plugin cannot see). A 204 has no body; a
 * non-JSON body (a file, CSV, NDJSON) must at least name its content type.
 * Each entry reads `GET /v1/runs 200: why`.
 */
export function successResponsesWithoutSchema(document: OpenAPIObject): string[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const problems: string[] = [];
  for (const [path, pathItem] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^2\d\d$/.test(status) || status === '204') continue;
        const where = `${method.toUpperCase()} ${path} ${status}`;
        const content = (response as { content?: Record<string, { schema?: Schema }> }).content;
        if (!content || Object.keys(content).length === 0) {
          problems.push(`${where}: no content type`);
          continue;
        }
        const json = content['application/json'];
        if (json && !describesSomething(json.schema, schemas)) problems.push(`${where}: no JSON schema`);
      }
    }
  }
  return problems;
}

function describesSomething(
  schema: Schema | undefined,
  components: Record<string, Schema>,
  seen = new Set<string>(),
): boolean {
  if (!schema || Object.keys(schema).length === 0) return false;
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return true;
    seen.add(name);
    return describesSomething(components[name], components, seen);
  }
  for (const key of ['allOf', 'oneOf', 'anyOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts))
      return parts.length > 0 && parts.every((part) => describesSomething(part as Schema, components, seen));
  }
  if (schema.type === 'array') return describesSomething(schema.items as Schema | undefined, components, seen);
  const isObject = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
  if (isObject) {
    const properties = schema.properties as Schema | undefined;
    return Boolean((properties && Object.keys(properties).length > 0) || schema.additionalProperties);
  }
  return schema.type !== undefined || schema.enum !== undefined || schema.const !== undefined;
}
