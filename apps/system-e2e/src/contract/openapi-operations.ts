/** The parts of the platform's OpenAPI document the route-walking suite reads. */
export interface Schema {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
}

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: Schema;
}

interface RawOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema; example?: unknown }> };
  responses: Record<string, unknown>;
  'x-access'?: { minimum: string; who: string };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, RawOperation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Operation {
  method: string;
  /** The path template, e.g. `/api/v1/identity/users/{id}`. */
  path: string;
  pathParameters: string[];
  queryParameters: string[];
  /** The JSON body's schema, with references resolved at the top; null: no body. */
  body: Schema | null;
  /** The body the document gives as its example (one the API accepts). */
  example: unknown;
  responses: string[];
  access: { minimum: string; who: string } | null;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const parameters = raw.parameters ?? [];
      const json = raw.requestBody?.content?.['application/json'];
      const bodySchema = json?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        queryParameters: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        body: bodySchema ? resolve(document, bodySchema) : null,
        example: json?.example,
        responses: Object.keys(raw.responses),
        access: raw['x-access'] ?? null,
      });
    }
  }
  return operations;
}

/** The schema a reference points at (one level), or the schema itself. */
export function resolve(document: OpenApiDocument, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace('#/components/schemas/', '');
  const target = document.components.schemas[name];
  if (!target) throw new Error(`unresolved ${schema.$ref}`);
  return resolve(document, target);
}

/** The names of the body's top-level properties whose values are strings (or lists of them). */
export function stringFields(document: OpenApiDocument, body: Schema): string[] {
  return Object.entries(body.properties ?? {})
    .filter(([, property]) => {
      const schema = resolve(document, property);
      const types = [schema.type, schema.items ? resolve(document, schema.items).type : undefined].flat();
      return types.includes('string') || Boolean(schema.enum);
    })
    .map(([name]) => name);
}
