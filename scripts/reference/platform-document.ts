import type { OpenAPIObject } from '@nestjs/swagger';
import { ACCESS_EXTENSION, CALLER_KINDS, ERROR_CODES_EXTENSION, type AccessRule } from '@lms/service-kit';
import { exampleOf } from './schema-example';

type Json = Record<string, unknown>;

/** One service's document and where the gateway publishes its routes. */
export interface PublishedService {
  name: string;
  document: OpenAPIObject;
  /** The gateway's routes to the service: public prefix and the service's own prefix. */
  routes: ReadonlyArray<{ prefix: string; rewritePrefix: string }>;
}

export interface PlatformDocumentOptions {
  version: string;
  /** The HTTP status of every error code the platform raises (null: not an HTTP answer). */
  errorStatuses: ReadonlyMap<string, number | null>;
}

/** What an answer of a status means, for a route that lists codes of it. */
const PROBLEM_MEANINGS: Record<string, string> = {
  '401': 'Not signed in, or the credentials are not right.',
  '403': 'The caller may not do this.',
  '404': "No such resource in the caller's tenant.",
  '409': 'The current state of the resource forbids it.',
  '412': 'The resource changed since it was read.',
  '422': 'A rule of the platform refuses the request.',
  '429': 'Too many attempts.',
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head'] as const;

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };

/** The answers every route may give besides its own, by what the route takes and who may call it. */
function commonProblems(operation: Json, path: string, access: AccessRule): Record<string, string> {
  const problems: Record<string, string> = {};
  const takesInput = Boolean(operation.requestBody) || ((operation.parameters as unknown[]) ?? []).length > 0;
  if (takesInput)
    problems['400'] = 'The request is not valid (`REQUEST.VALIDATION_FAILED`, with per-field `errors`).';
  if (access.minimum !== 'anyone') {
    problems['401'] = 'No valid access token (`AUTH.UNAUTHENTICATED`).';
    problems['403'] =
      `The caller may not do this (\`AUTH.FORBIDDEN\`, or the rule's own code). Who may call it: ${access.who}.`;
  }
  if (path.includes('{'))
    problems['404'] =
      "No such resource in the caller's tenant (a resource of another tenant is not found either).";
  if (operation.requestBody) problems['413'] = 'The body is too large (`REQUEST.BODY_TOO_LARGE`).';
  const headers = ((operation.parameters as Json[] | undefined) ?? [])
    .filter((parameter) => parameter.in === 'header')
    .map((parameter) => String(parameter.name).toLowerCase());
  if (headers.includes('idempotency-key')) {
    problems['409'] =
      'A request with this Idempotency-Key is still running (`IDEMPOTENCY.IN_PROGRESS`), or the current state forbids the change.';
    problems['422'] =
      'This Idempotency-Key was used with another body (`IDEMPOTENCY.KEY_REUSED`), or the request breaks a business rule.';
  }
  if (headers.includes('if-match'))
    problems['412'] = 'The resource changed since the ETag given in If-Match (`REQUEST.STALE_VERSION`).';
  problems['429'] = 'Too many requests (`REQUEST.RATE_LIMITED`); `Retry-After` says when to try again.';
  return problems;
}

function problemSchema(): Json {
  return {
    type: 'object',
    description: 'RFC 9457 problem details: every error of the API has this shape.',
    required: ['type', 'title', 'status', 'code', 'detail'],
    properties: {
      type: { type: 'string', format: 'uri', description: "The error's documentation." },
      title: { type: 'string', example: 'Not Found' },
      status: { type: 'integer', example: 404 },
      code: {
        type: 'string',
        pattern: '^[A-Z][A-Z_]*\\.[A-Z][A-Z_]*$',
        description: 'Stable machine-readable code, e.g. `USER.NOT_FOUND`.',
        example: 'USER.NOT_FOUND',
      },
      detail: { type: 'string', example: 'No such user.' },
      instance: {
        type: 'string',
        description: 'The path the client called.',
        example: '/api/v1/identity/users/0190c0de-0000-7000-8000-000000000001',
      },
      correlationId: { type: 'string', description: 'The `X-Correlation-Id` of the request, for support.' },
      errors: {
        type: 'array',
        description: 'Per-field errors of a `REQUEST.VALIDATION_FAILED`.',
        items: {
          type: 'object',
          required: ['field', 'messages'],
          properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
        },
      },
    },
  };
}

/** OpenAPI 3.0's `nullable: true` in the 3.1 way (a `null` type), everywhere in a schema tree. */
export function toOpenApi31Schemas(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toOpenApi31Schemas);
  if (typeof node !== 'object' || node === null) return node;
  const source = node as Json;
  const converted: Json = {};
  for (const [key, value] of Object.entries(source)) {
    if (key !== 'nullable') converted[key] = toOpenApi31Schemas(value);
  }
  if (source.nullable !== true) return converted;
  if (typeof converted.type === 'string') return { ...converted, type: [converted.type, 'null'] };
  if (typeof converted.$ref === 'string') {
    const { $ref, ...rest } = converted;
    return { ...rest, anyOf: [{ $ref }, { type: 'null' }] };
  }
  return { anyOf: [converted, { type: 'null' }] };
}

/** Where the gateway publishes a service path, or null when it does not (health probes). */
export function publicPath(path: string, routes: PublishedService['routes']): string | null {
  const route = [...routes]
    .sort((a, b) => b.rewritePrefix.length - a.rewritePrefix.length)
    .find((candidate) => path === candidate.rewritePrefix || path.startsWith(`${candidate.rewritePrefix}/`));
  return route ? route.prefix + path.slice(route.rewritePrefix.length) : null;
}

function accessOf(operation: Json, where: string): AccessRule {
  const rule = operation[ACCESS_EXTENSION] as AccessRule | undefined;
  if (!rule || !CALLER_KINDS.includes(rule.minimum))
    throw new Error(`${where} declares no access rule: add @Access(...) to its handler or controller`);
  return rule;
}

/**
 * The platform's one OpenAPI 3.1 document: every service's routes at the paths the gateway
 * publishes them, each with who may call it, its answers and the problem shape of its errors.
 * Throws when a route declares no access rule, or when two services publish the same
 * operation or two different schemas under one name.
 */
export function platformDocument(
  services: readonly PublishedService[],
  options: PlatformDocumentOptions,
): Json {
  const paths: Record<string, Json> = {};
  const schemas: Record<string, unknown> = { Problem: problemSchema() };
  for (const service of services) {
    for (const [name, schema] of Object.entries(service.document.components?.schemas ?? {})) {
      const converted = toOpenApi31Schemas(schema);
      if (name in schemas && JSON.stringify(schemas[name]) !== JSON.stringify(converted))
        throw new Error(`two different schemas are named ${name}: rename one of the DTOs`);
      schemas[name] = converted;
    }
    for (const [servicePath, item] of Object.entries(service.document.paths)) {
      const path = publicPath(servicePath, service.routes);
      if (path === null) continue;
      const published = (paths[path] ??= {});
      for (const method of METHODS) {
        const operation = (item as Json)[method] as Json | undefined;
        if (!operation) continue;
        const where = `${method.toUpperCase()} ${path} (${service.name})`;
        if (published[method]) throw new Error(`${where} is published twice`);
        published[method] = publishedOperation(operation, path, service.name, accessOf(operation, where));
        withErrorCodes(published[method] as Json, options.errorStatuses, where);
      }
    }
  }
  for (const [path, item] of Object.entries(paths))
    for (const [method, operation] of Object.entries(item))
      withBodyExample(operation as Json, schemas, `${method} ${path}`);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Coaching platform API',
      version: options.version,
      description:
        "Every route of the platform, as the gateway publishes it. Generated from the services' controllers and DTOs: do not edit by hand. Errors are `application/problem+json` (the `Problem` schema); each route says who may call it (`x-access`).",
    },
    servers: [{ url: '/' }],
    tags: services.map((service) => ({ name: service.name })),
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

/** Gives a JSON request body its example: one the API accepts (the route-walking suite sends it). */
function withBodyExample(operation: Json, schemas: Record<string, unknown>, where: string): void {
  const media = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
  const json = media?.['application/json'];
  if (json?.schema) json.example = exampleOf(schemas, json.schema as never, where);
}

/** The reason phrase of a status, for an answer its route leaves undescribed. */
const REASONS: Record<string, string> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
};

/** Lists the route's own error codes under their statuses (`x-error-codes`, from `@ApiErrors`). */
function withErrorCodes(operation: Json, statuses: ReadonlyMap<string, number | null>, where: string): void {
  const codes = (operation[ERROR_CODES_EXTENSION] as string[] | undefined) ?? [];
  const byStatus = new Map<string, string[]>();
  for (const code of codes) {
    const status = statuses.get(code);
    if (status === undefined || status === null)
      throw new Error(`${where} lists ${code}, which no HTTP answer of the platform carries`);
    byStatus.set(String(status), [...(byStatus.get(String(status)) ?? []), code]);
  }
  const responses = operation.responses as Record<string, Json>;
  for (const [status, listed] of byStatus) {
    const known = responses[status];
    const description = String(known?.description ?? PROBLEM_MEANINGS[status] ?? 'Refused.');
    responses[status] = {
      description: `${description} Codes: ${listed.map((code) => `\`${code}\``).join(', ')}.`,
      content: { 'application/problem+json': { schema: PROBLEM_REF } },
    };
  }
  operation.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

function publishedOperation(operation: Json, path: string, service: string, access: AccessRule): Json {
  const responses: Json = { ...((toOpenApi31Schemas(operation.responses) as Json | undefined) ?? {}) };
  for (const [status, response] of Object.entries(responses) as Array<[string, Json]>) {
    if (!response.description) responses[status] = { ...response, description: REASONS[status] ?? 'OK' };
    if (Number(status) >= 400)
      responses[status] = { ...response, content: { 'application/problem+json': { schema: PROBLEM_REF } } };
  }
  for (const [status, description] of Object.entries(commonProblems(operation, path, access))) {
    responses[status] ??= { description, content: { 'application/problem+json': { schema: PROBLEM_REF } } };
  }
  const { security: _security, tags: _tags, ...rest } = operation;
  const who = `Who may call it: ${access.who}.`;
  return {
    ...(toOpenApi31Schemas(rest) as Json),
    tags: [service],
    description: typeof operation.description === 'string' ? `${operation.description}\n\n${who}` : who,
    ...(access.minimum === 'anyone' ? {} : { security: [{ bearer: [] }] }),
    responses,
  };
}
