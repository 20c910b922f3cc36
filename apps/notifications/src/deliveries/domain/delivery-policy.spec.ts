import {
  decideAfterSendFailure,
  decideManualRetry,
  decideWhileRecipientUnknown,
  DEFAULT_DELIVERY_SETTINGS,
  retryDelayMs,
} from './delivery-policy';

describe('delivery policy', () => {
  const settings = {
    ...DEFAULT_DELIVERY_SETTINGS,
    initialBackoffMs: 1_000,
    maxBackoffMs: 5_000,
    maxAttempts: 5,
  };
  const now = new Date('2026-03-02T09:00:00.000Z');

  it('doubles the wait after each failed attempt, up to the maximum', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => retryDelayMs(settings, attempt))).toEqual([
      1_000, 2_000, 4_000, 5_000, 5_000,
    ]);
  });

  it('retries a transient failure while attempts remain', () => {
    expect(
      decideAfterSendFailure({ attempts: 1 }, { message: 'timeout', permanent: false }, now, settings),
    ).toEqual({
      outcome: 'retry',
      attempts: 2,
      lastError: 'timeout',
      nextAttemptAt: new Date(now.getTime() + 2_000),
    });
  });

  it('parks after the last attempt', () => {
    expect(
      decideAfterSendFailure({ attempts: 4 }, { message: 'timeout', permanent: false }, now, settings),
    ).toEqual({
      outcome: 'park',
      attempts: 5,
      lastError: 'timeout',
    });
  });

  it('parks a permanent refusal at once', () => {
    expect(
      decideAfterSendFailure({ attempts: 0 }, { message: '550 no such user', permanent: true }, now, settings)
        .outcome,
    ).toBe('park');
  });

  it('waits for an unknown recipient until the waiting time is over', () => {
    const createdAt = new Date(now.getTime() - settings.recipientWaitMaxMs + 1);
    expect(decideWhileRecipientUnknown({ attempts: 0, createdAt }, now, settings)).toEqual({
      outcome: 'wait',
      nextAttemptAt: new Date(now.getTime() + settings.recipientRecheckMs),
    });
    expect(
      decideWhileRecipientUnknown(
        { attempts: 0, createdAt: new Date(createdAt.getTime() - 1) },
        now,
        settings,
      ),
    ).toMatchObject({ outcome: 'park', attempts: 1 });
  });
});

describe('decideManualRetry (NO-5)', () => {
  const now = new Date('2026-03-02T09:00:00.000Z');

  it('given a delivery parked as failed, then it is due again at once', () => {
    expect(decideManualRetry({ status: 'failed' }, now)).toEqual({ outcome: 'retry', nextAttemptAt: now });
  });

  it('given one that is sent, cancelled or still on its way, then it is not retried by hand', () => {
    for (const status of ['sent', 'cancelled', 'pending'] as const)
      expect(decideManualRetry({ status }, now)).toEqual({ outcome: 'not_failed' });
  });
});
