/** What one service said about its readiness, as the gateway saw it. */
export interface UpstreamReadiness {
  /** `unreachable`: no answer in time, or an answer that is not a readiness report. */
  status: 'ready' | 'not_ready' | 'unreachable';
  /** The service's own checks (`mongodb`, `kafka-consumer`...), when it answered. */
  checks?: Record<string, string>;
  /** Why a service is unreachable. */
  detail?: string;
}

/** Asks one service for its `/health/ready`; never throws. */
export interface UpstreamHealthProbe {
  readiness(baseUrl: string, timeoutMs: number): Promise<UpstreamReadiness>;
}

export const UPSTREAM_HEALTH_PROBE = Symbol('UPSTREAM_HEALTH_PROBE');
