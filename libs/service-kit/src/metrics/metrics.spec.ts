import { Metrics } from './metrics';

describe('the metrics of a service', () => {
  it('counts by label, every series labelled with the service, in the Prometheus text format', async () => {
    const metrics = new Metrics({ service: 'notifications' });
    const deliveries = metrics.counter('mail_deliveries_total', 'Deliveries dispatched.', ['outcome']);

    deliveries.inc({ outcome: 'sent' }, 3);
    metrics
      .counter('mail_deliveries_total', 'Deliveries dispatched.', ['outcome'])
      .inc({ outcome: 'parked' });

    const text = await metrics.text();
    expect(text).toContain('# TYPE mail_deliveries_total counter');
    expect(text).toContain('mail_deliveries_total{outcome="sent",service="notifications"} 3');
    expect(text).toContain('mail_deliveries_total{outcome="parked",service="notifications"} 1');
    expect(metrics.contentType).toMatch(/^text\/plain/);
  });

  it('reads the counters and gauges other components keep at each scrape, as they are then', async () => {
    const metrics = new Metrics();
    const kept = { processed: 1, dead_lettered: 0 };
    let inFlight = 4;
    metrics.observeCounter('events_consumed_total', 'Events consumed.', 'outcome', () => kept);
    metrics.observeGauge('outbox_documents_in_flight', 'Documents being published.', () => inFlight);

    const before = await metrics.text();
    kept.processed = 7;
    kept.dead_lettered = 2;
    inFlight = 0;
    const after = await metrics.text();

    expect(before).toContain('events_consumed_total{outcome="processed"} 1');
    expect(before).toContain('outbox_documents_in_flight 4');
    expect(after).toContain('events_consumed_total{outcome="processed"} 7');
    expect(after).toContain('events_consumed_total{outcome="dead_lettered"} 2');
    expect(after).toContain('outbox_documents_in_flight 0');
  });

  it('keeps each application to its own registry, and adds the process metrics when asked', async () => {
    const one = new Metrics({ service: 'a', withProcessMetrics: true });
    const other = new Metrics({ service: 'b' });
    one.counter('things_total', 'Things.').inc();

    expect(await one.text()).toContain('process_cpu_user_seconds_total');
    expect(await other.text()).not.toContain('things_total');
  });
});
