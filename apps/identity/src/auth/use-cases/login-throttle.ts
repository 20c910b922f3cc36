import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { IDENTITY_CONFIG, type IdentityConfig } from '../../config/identity.config';
import { TooManyAttemptsError } from '../auth.errors';
import { failureWrite, throttleVerdict, type ThrottlePolicy } from '../domain/login-throttle';
import {
  FAILURE_COUNTER_REPOSITORY,
  type FailureCounterRepository,
} from '../ports/failure-counter.repository';
import type { WriteOutcome } from '@lms/kernel';

/** Who tries to sign in, and from where. */
export interface LoginAttempt {
  tenantId: string;
  emailNormalized: string;
  /** The client's address. */
  address: string;
}

/** How often a failure is retried when other attempts write the same counter at once. */
const WRITE_ATTEMPTS = 3;

/**
 * Throttles failed logins per account and per client address (ID-A1), with counters in the
 * database so that every identity instance sees the same ones. Keys are hashed: no e-mail
 * or address is stored.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @Inject(FAILURE_COUNTER_REPOSITORY) private readonly counters: FailureCounterRepository,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {}

  /** Refuses the attempt with `AUTH.TOO_MANY_ATTEMPTS` while its account or address is over its limit. */
  async check(attempt: LoginAttempt, now: Date): Promise<void> {
    const keys = this.keysOf(attempt);
    const counters = await this.counters.find(keys.map(({ key }) => key));
    const verdict = throttleVerdict(
      keys.map(({ key, policy }) => ({ counter: counters.find((c) => c.key === key) ?? null, policy })),
      now,
    );
    if (!verdict.allowed) throw new TooManyAttemptsError(verdict.retryAfterSeconds);
  }

  async recordFailure(attempt: LoginAttempt, now: Date): Promise<void> {
    await Promise.all(this.keysOf(attempt).map(({ key, policy }) => this.countFailure(key, policy, now)));
  }

  /** A successful login clears its account's failures; its address keeps them. */
  async recordSuccess(attempt: LoginAttempt): Promise<void> {
    await this.counters.remove(accountKey(attempt));
  }

  private keysOf(attempt: LoginAttempt): Array<{ key: string; policy: ThrottlePolicy }> {
    return [
      { key: accountKey(attempt), policy: this.config.signIn.accountThrottle },
      { key: `address:${sha256(attempt.address)}`, policy: this.config.signIn.addressThrottle },
    ];
  }

  /**
   * Read, decide, write: one more failure in the open window (an atomic increment), or a new
   * window (an insert, or a compare-and-set on the ended one). A lost race means another
   * attempt wrote the counter, so the next round sees the window open and increments.
   */
  private async countFailure(key: string, policy: ThrottlePolicy, now: Date): Promise<void> {
    for (let round = 0; round < WRITE_ATTEMPTS; round++) {
      const [counter = null] = await this.counters.find([key]);
      const write = failureWrite(key, counter, now, policy);
      let outcome: WriteOutcome;
      if (write.kind === 'increment') outcome = await this.counters.increment(key);
      else if (counter) outcome = await this.counters.replace(write.counter, counter.version);
      else outcome = await this.counters.insert(write.counter);
      if (outcome === 'written') return;
    }
  }
}

function accountKey(attempt: LoginAttempt): string {
  return `account:${sha256(`${attempt.tenantId}\n${attempt.emailNormalized}`)}`;
}

function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('base64url');
}
