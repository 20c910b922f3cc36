/** How long something took, or how far it got before the deadline. */
export interface Measurement {
  /** Milliseconds from the start of the measurement; null when the deadline came first. */
  ms: number | null;
  target: number;
  /** The last value seen (equals or passes `target` when `ms` is set). */
  reached: number;
  /** The last error of the probe, if its last look failed. */
  lastError?: string;
  /** How long the slowest look took: the measurement's own uncertainty besides the interval. */
  slowestLookMs?: number;
}

export interface PollOptions {
  /** `Date.now()` the elapsed time is counted from. */
  startedAt: number;
  /** `Date.now()` after which it gives up. */
  deadline: number;
  intervalMs: number;
  /** Told every value seen, for progress lines. */
  onValue?: (value: number) => void;
  /** Checked before every look: a run that already failed stops waiting at once. */
  cancelled?: () => boolean;
}

/**
 * Looks at `probe` every `intervalMs` until it reports at least `target`, and returns when
 * that was first seen. A failing look is remembered and retried; the deadline ends it.
 * The time is that of the answer that showed the target, so it is late by up to one
 * interval plus the look's own duration.
 */
export async function pollUntil(
  probe: () => Promise<number>,
  target: number,
  options: PollOptions,
): Promise<Measurement> {
  let reached = 0;
  let lastError: string | undefined;
  let slowestLookMs = 0;
  while (Date.now() < options.deadline && !options.cancelled?.()) {
    const lookedAt = Date.now();
    try {
      reached = await probe();
      slowestLookMs = Math.max(slowestLookMs, Date.now() - lookedAt);
      lastError = undefined;
      options.onValue?.(reached);
      // The answer's time: a slow look (a busy database) may see a state reached during it.
      if (reached >= target) return { ms: Date.now() - options.startedAt, target, reached, slowestLookMs };
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    const wait = Math.min(options.intervalMs - (Date.now() - lookedAt), options.deadline - Date.now());
    if (wait > 0) await sleep(wait);
  }
  return { ms: null, target, reached, slowestLookMs, ...(lastError === undefined ? {} : { lastError }) };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Runs `work` but gives up with a clear error after `ms`. */
export async function withDeadline<T>(label: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${label} did not finish within ${Math.round(ms / 1_000)} s`)),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
