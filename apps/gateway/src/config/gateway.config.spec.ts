import { validateEnv } from '@lms/service-kit';
import { gatewayConfigFrom } from './gateway.config';
import { GatewayEnv } from './gateway.env';

function load(env: Record<string, string>) {
  return gatewayConfigFrom(validateEnv(GatewayEnv)(env));
}

describe('the gateway configuration', () => {
  it('defaults to the local ports of every service', () => {
    const config = load({});

    expect(config).toEqual({
      port: 3000,
      host: '127.0.0.1',
      upstreams: {
        identity: 'http://127.0.0.1:3101',
        coaching: 'http://127.0.0.1:3102',
        learning: 'http://127.0.0.1:3103',
        notifications: 'http://127.0.0.1:3104',
      },
      upstreamTimeoutMs: 15_000,
      healthTimeoutMs: 2_000,
      rateLimits: { perClientPerMinute: 600, perAccountPerMinute: 1_200, signInPerMinute: 30 },
      rateLimitStoreUri: null,
      corsOrigins: [],
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
      uploadLimitBytes: 50 * 1024 * 1024,
      apiDocsDir: null,
    });
  });

  it('takes every address and limit from the environment', () => {
    const config = load({
      PORT: '8080',
      HOST: '0.0.0.0',
      IDENTITY_URL: 'http://identity:3101/',
      COACHING_URL: 'http://coaching:3102',
      LEARNING_URL: 'https://learning.internal',
      NOTIFICATIONS_URL: 'http://notifications:3104',
      RATE_LIMIT_PER_MINUTE: '120',
      ACCOUNT_RATE_LIMIT_PER_MINUTE: '240',
      SIGN_IN_RATE_LIMIT_PER_MINUTE: '10',
      CORS_ORIGINS: 'https://learn.example.com, https://admin.example.com',
      UPSTREAM_TIMEOUT_MS: '5000',
      HEALTH_TIMEOUT_MS: '750',
      TRUST_PROXY: '1',
      API_DOCS_DIR: '/srv/docs',
    });

    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      upstreams: {
        identity: 'http://identity:3101',
        coaching: 'http://coaching:3102',
        learning: 'https://learning.internal',
        notifications: 'http://notifications:3104',
      },
      rateLimits: { perClientPerMinute: 120, perAccountPerMinute: 240, signInPerMinute: 10 },
      corsOrigins: ['https://learn.example.com', 'https://admin.example.com'],
      upstreamTimeoutMs: 5000,
      healthTimeoutMs: 750,
      trustProxy: 1,
      apiDocsDir: '/srv/docs',
    });
  });

  it.each([
    ['', false],
    ['false', false],
    ['true', true],
    ['2', 2],
    ['10.0.0.1, 10.0.0.2', '10.0.0.1, 10.0.0.2'],
    ['loopback', 'loopback'],
  ])('reads TRUST_PROXY=%j as %j', (raw, trustProxy) => {
    expect(load({ TRUST_PROXY: raw }).trustProxy).toEqual(trustProxy);
  });

  it.each([
    [{ IDENTITY_URL: 'identity:3101' }, 'IDENTITY_URL must be an http(s) URL'],
    [{ COACHING_URL: 'ftp://coaching' }, 'COACHING_URL must be an http(s) URL'],
    [{ NOTIFICATIONS_URL: 'not a url' }, 'NOTIFICATIONS_URL must be an http(s) URL'],
    [{ LEARNING_URL: 'http://learning:3103/v1' }, 'LEARNING_URL must be a service origin without a path'],
    [{ IDENTITY_URL: 'http://identity:3101?x=1' }, 'IDENTITY_URL must be a service origin without a path'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE must not be less than 1'],
    [{ UPSTREAM_TIMEOUT_MS: 'soon' }, 'UPSTREAM_TIMEOUT_MS must be an integer number'],
    [{ HEALTH_TIMEOUT_MS: '1.5' }, 'HEALTH_TIMEOUT_MS must be an integer number'],
    [{ PORT: '70000' }, 'PORT must not be greater than 65535'],
  ])('refuses to start with %j', (env, message) => {
    expect(() => load(env)).toThrow(message);
  });

  it('names every problem at once', () => {
    expect(() => load({ IDENTITY_URL: 'identity:3101', RATE_LIMIT_PER_MINUTE: '-5' })).toThrow(
      /IDENTITY_URL must be an http\(s\) URL \(got "identity:3101"\).*RATE_LIMIT_PER_MINUTE/s,
    );
  });
});
