import { validateEnv } from '@lms/service-kit';
import { gatewayConfigFrom, type UpstreamService } from '../config/gateway.config';
import { GatewayEnv } from '../config/gateway.env';
import { HealthAggregator } from './health-aggregator';
import type { UpstreamHealthProbe, UpstreamReadiness } from './upstream-health.probe';

const config = gatewayConfigFrom(
  validateEnv(GatewayEnv)({
    IDENTITY_URL: 'http://identity:3101',
    COACHING_URL: 'http://coaching:3102',
    LEARNING_URL: 'http://learning:3103',
    NOTIFICATIONS_URL: 'http://notifications:3104',
    HEALTH_TIMEOUT_MS: '1500',
  }),
);

const SERVICE_OF_URL: Record<string, UpstreamService> = {
  'http://identity:3101': 'identity',
  'http://coaching:3102': 'coaching',
  'http://learning:3103': 'learning',
  'http://notifications:3104': 'notifications',
};

/** Answers what each service is set to answer, and records the calls it got. */
class FakeProbe implements UpstreamHealthProbe {
  readonly calls: Array<{ service: UpstreamService; timeoutMs: number }> = [];
  private readonly pending: Array<() => void> = [];
  holdAnswers = false;

  constructor(private readonly answers: Partial<Record<UpstreamService, UpstreamReadiness>> = {}) {}

  async readiness(baseUrl: string, timeoutMs: number): Promise<UpstreamReadiness> {
    const service = SERVICE_OF_URL[baseUrl];
    this.calls.push({ service, timeoutMs });
    if (this.holdAnswers) await new Promise<void>((resolve) => this.pending.push(resolve));
    return this.answers[service] ?? { status: 'ready', checks: { mongodb: 'up' } };
  }

  release(): void {
    this.pending.splice(0).forEach((resolve) => resolve());
  }
}

function aggregatorWith(probe: FakeProbe): HealthAggregator {
  return new HealthAggregator(config, probe);
}

describe('HealthAggregator', () => {
  it('reports the platform ready with every service and its checks when all are ready', async () => {
    const health = await aggregatorWith(new FakeProbe()).check();

    expect(health).toEqual({
      status: 'ready',
      services: {
        identity: { status: 'ready', checks: { mongodb: 'up' } },
        coaching: { status: 'ready', checks: { mongodb: 'up' } },
        learning: { status: 'ready', checks: { mongodb: 'up' } },
        notifications: { status: 'ready', checks: { mongodb: 'up' } },
      },
    });
  });

  it('reports the platform not ready, showing which service fails and why', async () => {
    const probe = new FakeProbe({
      coaching: { status: 'not_ready', checks: { mongodb: 'up', 'kafka-consumer': 'down' } },
      notifications: { status: 'unreachable', detail: 'no answer within 1500 ms' },
    });

    const health = await aggregatorWith(probe).check();

    expect(health.status).toBe('not_ready');
    expect(health.services.coaching).toEqual({
      status: 'not_ready',
      checks: { mongodb: 'up', 'kafka-consumer': 'down' },
    });
    expect(health.services.notifications).toEqual({
      status: 'unreachable',
      detail: 'no answer within 1500 ms',
    });
    expect(health.services.identity.status).toBe('ready');
  });

  it('asks every service at once, each with the short health deadline', async () => {
    const probe = new FakeProbe();
    probe.holdAnswers = true;

    const checking = aggregatorWith(probe).check();
    await new Promise((resolve) => setImmediate(resolve));
    expect(probe.calls).toEqual([
      { service: 'identity', timeoutMs: 1500 },
      { service: 'coaching', timeoutMs: 1500 },
      { service: 'learning', timeoutMs: 1500 },
      { service: 'notifications', timeoutMs: 1500 },
    ]);
    probe.release();

    expect((await checking).status).toBe('ready');
  });
});
