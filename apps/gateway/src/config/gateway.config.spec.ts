import { gatewayConfigFromEnv } from './gateway.config';

describe('gatewayConfigFromEnv', () => {
  it('defaults to the local ports of every service', () => {
    const config = gatewayConfigFromEnv({});

    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      upstreams: {
        identity: 'http://127.0.0.1:3101',
        coaching: 'http://127.0.0.1:3102',
        learning: 'http://127.0.0.1:3103',
        notifications: 'http://127.0.0.1:3104',
      },
      rateLimitPerMinute: 600,
      trustProxy: false,
      bodyLimitBytes: 1024 * 1024,
      apiDocsDir: null,
    });
  });

  it('takes every address and limit from the environment', () => {
    const config = gatewayConfigFromEnv({
      PORT: '8080',
      HOST: '0.0.0.0',
      IDENTITY_URL: 'http://identity:3101/',
      COACHING_URL: 'http://coaching:3102',
      LEARNING_URL: 'https://learning.internal',
      NOTIFICATIONS_URL: 'http://notifications:3104',
      RATE_LIMIT_PER_MINUTE: '120',
      UPSTREAM_TIMEOUT_MS: '5000',
      HEALTH_TIMEOUT_MS: '750',
      TRUST_PROXY: '1',
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
      rateLimitPerMinute: 120,
      upstreamTimeoutMs: 5000,
      healthTimeoutMs: 750,
      trustProxy: 1,
    });
  });

  it.each([
    [{ IDENTITY_URL: 'identity:3101' }, 'IDENTITY_URL must be an http(s) URL'],
    [{ COACHING_URL: 'ftp://coaching' }, 'COACHING_URL must be an http(s) URL'],
    [{ LEARNING_URL: 'http://learning:3103/v1' }, 'LEARNING_URL must be a service origin without a path'],
    [{ RATE_LIMIT_PER_MINUTE: '0' }, 'RATE_LIMIT_PER_MINUTE must be a positive integer'],
    [{ UPSTREAM_TIMEOUT_MS: 'soon' }, 'UPSTREAM_TIMEOUT_MS must be a positive integer'],
    [{ PORT: '70000' }, 'PORT must be a TCP port'],
  ])('refuses to start with %j', (env, message) => {
    expect(() => gatewayConfigFromEnv(env)).toThrow(message);
  });
});
