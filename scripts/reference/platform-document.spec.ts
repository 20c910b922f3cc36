import type { OpenAPIObject } from '@nestjs/swagger';
import { platformDocument, publicPath, toOpenApi31Schemas } from './platform-document';

const routes = [
  { prefix: '/api/v1/auth', rewritePrefix: '/v1/auth' },
  { prefix: '/api/v1/identity', rewritePrefix: '/v1' },
];

function service(paths: OpenAPIObject['paths']): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 'x', version: '1' }, paths, components: { schemas: {} } };
}

const errorStatuses = new Map<string, number | null>([
  ['USER.NOT_FOUND', 404],
  ['USER.EMAIL_TAKEN', 409],
  ['EVENT.INVALID_PAYLOAD', null],
]);

describe('the platform API document', () => {
  it('publishes a service path where the gateway routes it, the longest prefix first', () => {
    expect(publicPath('/v1/auth/login', routes)).toBe('/api/v1/auth/login');
    expect(publicPath('/v1/users/{id}', routes)).toBe('/api/v1/identity/users/{id}');
    expect(publicPath('/health/live', routes)).toBeNull();
  });

  it("turns OpenAPI 3.0's nullable into 3.1's null type", () => {
    expect(toOpenApi31Schemas({ type: 'string', nullable: true })).toEqual({ type: ['string', 'null'] });
    expect(toOpenApi31Schemas({ $ref: '#/x', nullable: true })).toEqual({
      anyOf: [{ $ref: '#/x' }, { type: 'null' }],
    });
  });

  it("lists a route's own codes under their statuses, beside the common answers", () => {
    const document = platformDocument(
      [
        {
          name: 'identity',
          routes,
          document: service({
            '/v1/users/{id}': {
              get: {
                parameters: [{ name: 'id', in: 'path', required: true }],
                responses: { '200': { description: '' } },
                'x-access': { minimum: 'user', who: 'the user itself' },
                'x-error-codes': ['USER.NOT_FOUND'],
              } as never,
            },
          }),
        },
      ],
      { version: '1', errorStatuses },
    ) as { paths: Record<string, { get: { responses: Record<string, { description: string }> } }> };

    const responses = document.paths['/api/v1/identity/users/{id}'].get.responses;
    expect(Object.keys(responses)).toEqual(['200', '400', '401', '403', '404', '429']);
    expect(responses['404'].description).toContain('`USER.NOT_FOUND`');
    expect(responses['200'].description).toBe('OK');
  });

  it('refuses a route without an access rule, and a code that no answer carries', () => {
    const withoutRule = service({ '/v1/users': { get: { responses: {} } as never } });
    expect(() =>
      platformDocument([{ name: 'identity', routes, document: withoutRule }], {
        version: '1',
        errorStatuses,
      }),
    ).toThrow('GET /api/v1/identity/users (identity) declares no access rule');

    const unknownCode = service({
      '/v1/users': {
        get: {
          responses: {},
          'x-access': { minimum: 'administrator', who: 'administrators' },
          'x-error-codes': ['EVENT.INVALID_PAYLOAD'],
        } as never,
      },
    });
    expect(() =>
      platformDocument([{ name: 'identity', routes, document: unknownCode }], {
        version: '1',
        errorStatuses,
      }),
    ).toThrow('lists EVENT.INVALID_PAYLOAD, which no HTTP answer of the platform carries');
  });
});
