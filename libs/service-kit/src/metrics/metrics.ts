import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

/** A value some component keeps itself, read at each scrape, by label value. */
export type ObservedValues = () => Readonly<Record<string, number>>;

/**
 * The service's metrics (PL-4), in the Prometheus text format at `GET /metrics`: one registry
 * per application (several may run in one process, as in tests), every series labelled with
 * the service's name. Components count with {@link counter}, or expose counters they keep
 * themselves with {@link observeCounter} and {@link observeGauge}.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  /** `service`: the label of every series; `withProcessMetrics`: CPU, memory, event loop, GC. */
  constructor(options: { service?: string; withProcessMetrics?: boolean } = {}) {
    if (options.service) this.registry.setDefaultLabels({ service: options.service });
    if (options.withProcessMetrics) collectDefaultMetrics({ register: this.registry });
  }

  /** The counter of that name, made on first use; the same one on every later call. */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    const existing = this.registry.getSingleMetric(name);
    if (existing) return existing as Counter<L>;
    return new Counter<L>({ name, help, labelNames: [...labelNames], registers: [this.registry] });
  }

  /** A counter kept elsewhere, read at each scrape: `read()` gives its value by `label`'s value. */
  observeCounter(name: string, help: string, label: string, read: ObservedValues): void {
    if (this.registry.getSingleMetric(name)) return;
    new Counter<string>({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [value, count] of Object.entries(read())) this.inc({ [label]: value }, count);
      },
    });
  }

  /** A gauge read at each scrape. */
  observeGauge(name: string, help: string, read: () => number): void {
    if (this.registry.getSingleMetric(name)) return;
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect() {
        this.set(read());
      },
    });
  }

  /** Every series, in the Prometheus text format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
