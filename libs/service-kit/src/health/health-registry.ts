import { Injectable } from '@nestjs/common';

export interface HealthIndicator {
  name: string;
  /** Resolves true when the dependency answers; never throws. */
  isReady(): Promise<boolean>;
}

export interface ReadinessReport {
  status: 'ready' | 'not_ready';
  checks: Record<string, 'up' | 'down'>;
}

/** Dependencies register their readiness checks here; `/health/ready` runs them all. */
@Injectable()
export class HealthRegistry {
  private readonly indicators: HealthIndicator[] = [];

  register(indicator: HealthIndicator): void {
    this.indicators.push(indicator);
  }

  async readiness(): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.indicators.map(
        async (i) => [i.name, (await i.isReady().catch(() => false)) ? 'up' : 'down'] as const,
      ),
    );
    const checks = Object.fromEntries(results);
    return { status: results.every(([, s]) => s === 'up') ? 'ready' : 'not_ready', checks };
  }
}
