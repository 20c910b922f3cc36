import { routingTable } from './routing-table';

/** Served by the gateway itself. */
const GATEWAY_OWN_ROUTES = ['/api/v1/health', '/api/v1/openapi.json', '/api/v1/asyncapi.json'];

const routes = routingTable({
  upstreams: {
    identity: 'http://identity:3101',
    coaching: 'http://coaching:3102',
    learning: 'http://learning:3103',
    notifications: 'http://notifications:3104',
  },
});

describe('routing table', () => {
  it('sends sign-in to identity, then has one line per service, each mapping its public prefix onto the service /v1', () => {
    expect(routes).toEqual([
      {
        service: 'identity',
        prefix: '/api/v1/auth',
        upstream: 'http://identity:3101',
        rewritePrefix: '/v1/auth',
      },
      {
        service: 'identity',
        prefix: '/api/v1/identity',
        upstream: 'http://identity:3101',
        rewritePrefix: '/v1',
      },
      {
        service: 'coaching',
        prefix: '/api/v1/coaching',
        upstream: 'http://coaching:3102',
        rewritePrefix: '/v1',
      },
      {
        service: 'learning',
        prefix: '/api/v1/learning',
        upstream: 'http://learning:3103',
        rewritePrefix: '/v1',
      },
      {
        service: 'notifications',
        prefix: '/api/v1/notifications',
        upstream: 'http://notifications:3104',
        rewritePrefix: '/v1',
      },
    ]);
  });

  it("never shadows the gateway's own routes, and no prefix contains another", () => {
    const prefixes = routes.map((route) => route.prefix);

    for (const own of GATEWAY_OWN_ROUTES) {
      expect(prefixes.filter((prefix) => own === prefix || own.startsWith(`${prefix}/`))).toEqual([]);
    }
    for (const prefix of prefixes) {
      expect(prefixes.filter((other) => other === prefix || other.startsWith(`${prefix}/`))).toEqual([
        prefix,
      ]);
    }
  });
});
