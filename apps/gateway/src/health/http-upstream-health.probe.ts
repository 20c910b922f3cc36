import { Injectable } from '@nestjs/common';
import type { UpstreamHealthProbe, UpstreamReadiness } from './upstream-health.probe';

interface ReadinessBody {
  status?: unknown;
  checks?: unknown;
}

/** Calls `<service>/health/ready` over HTTP with a deadline. */
@Injectable()
export class HttpUpstreamHealthProbe implements UpstreamHealthProbe {
  async readiness(baseUrl: string, timeoutMs: number): Promise<UpstreamReadiness> {
    let response: Response;
    let body: ReadinessBody;
    try {
      response = await fetch(`${baseUrl}/health/ready`, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json' },
      });
      body = (await response.json()) as ReadinessBody;
    } catch (error) {
      return { status: 'unreachable', detail: describeFailure(error, timeoutMs) };
    }
    const checks = checksOf(body.checks);
    if (response.status === 200 && body.status === 'ready') return { status: 'ready', checks };
    if (response.status === 503 && body.status === 'not_ready') return { status: 'not_ready', checks };
    return { status: 'unreachable', detail: `answered ${response.status} without a readiness report` };
  }
}

function checksOf(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  if (error instanceof SyntaxError) return 'answered without a readiness report';
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  return typeof cause?.code === 'string' ? `connection failed (${cause.code})` : 'connection failed';
}
