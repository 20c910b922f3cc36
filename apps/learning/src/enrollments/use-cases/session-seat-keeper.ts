import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, ConcurrentModificationError, idCreatedAt, type Clock } from '@lms/kernel';
import { EVENT_FACTORY, EventFactory } from '@lms/messaging';
import { COURSE_REPOSITORY, type CourseRepository } from '../../courses/ports/course.repository';
import {
  COURSE_SESSION_REPOSITORY,
  type CourseSessionRepository,
} from '../../courses/ports/course-session.repository';
import { withState, type Enrollment } from '../domain/enrollment';
import { holdsSeat } from '../domain/enrollment-states';
import { releaseSeat, strayHolders, takeSeat, type SessionSeats } from '../domain/session-seats';
import { ENROLLMENT_REPOSITORY, type EnrollmentRepository } from '../ports/enrollment.repository';
import { SESSION_SEATS_REPOSITORY, type SessionSeatsRepository } from '../ports/session-seats.repository';
import { courseTitleOf, enrollmentEvent } from './enrollment-events';

/**
 * Tries of one seat change. Each lost compare-and-set means another writer took or freed a
 * seat of the session, so that a session with this many learners enrolling at once still
 * answers every one of them.
 */
const MAX_SEAT_ATTEMPTS = 200;
/**
 * How old a seat must be before it is taken back when no enrollment backs it: longer than
 * writing an enrollment after taking its seat ever takes.
 */
const STRAY_SEAT_GRACE_MS = 60_000;
/** Waiting learners read at a time when a seat frees. */
const WAITING_BATCH = 20;

/** The outcome of a seat asked for: taken now, held already, or none left. */
export type SeatClaim = 'taken' | 'held' | 'full';

/** Where a seat is: an enrollment's session of an instructor-led course, and its capacity. */
export interface SeatOf {
  tenantId: string;
  sessionId: string;
  enrollmentId: string;
}

/**
 * LE-E2: the seats of instructor-led sessions. A seat is taken and freed by a compare-and-set
 * on the session's seats document, so that its capacity is never exceeded, and a freed seat
 * goes to the oldest learner waiting for the session: exactly one per seat, even when seats
 * free at the same time.
 */
@Injectable()
export class SessionSeatKeeper {
  constructor(
    @Inject(SESSION_SEATS_REPOSITORY) private readonly seats: SessionSeatsRepository,
    @Inject(ENROLLMENT_REPOSITORY) private readonly enrollments: EnrollmentRepository,
    @Inject(COURSE_SESSION_REPOSITORY) private readonly sessions: CourseSessionRepository,
    @Inject(COURSE_REPOSITORY) private readonly courses: CourseRepository,
    @Inject(EVENT_FACTORY) private readonly events: EventFactory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Takes a seat of its session for an enrollment (a deleted session has none left). */
  async claimFor(enrollment: Enrollment): Promise<SeatClaim> {
    if (enrollment.sessionId === null) return 'held';
    return this.claim(this.seatOf(enrollment, enrollment.sessionId), await this.capacityOf(enrollment));
  }

  /** The enrollment leaves its session's seat, which goes to the oldest learner waiting for it. */
  async leave(enrollment: Enrollment): Promise<void> {
    if (enrollment.sessionId === null) return;
    await this.freeAndPromote(
      this.seatOf(enrollment, enrollment.sessionId),
      await this.capacityOf(enrollment),
    );
  }

  /**
   * Takes a seat of a session of `capacity` for the enrollment. A full session first gives
   * back the seats nothing backs any more ({@link freeStrays}), so that a crash between taking
   * a seat and writing its enrollment does not keep the seat forever.
   */
  async claim(seat: SeatOf, capacity: number): Promise<SeatClaim> {
    const take = () =>
      this.change<SeatClaim>(seat, (current) => {
        const taken = takeSeat(current, seat.enrollmentId, capacity);
        return taken.outcome === 'taken' ? { next: taken.seats, answer: 'taken' } : { answer: taken.outcome };
      });
    const first = await take();
    if (first !== 'full' || (await this.freeStrays(seat.tenantId, seat.sessionId)) === 0) return first;
    return take();
  }

  /** Frees the seats of the session that no live enrollment holding a seat backs; how many. */
  async freeStrays(tenantId: string, sessionId: string): Promise<number> {
    const current = await this.seats.find(tenantId, sessionId);
    const backing = await this.enrollments.findMany(tenantId, current.holders);
    const seated = new Set(
      backing.filter((e) => e.sessionId === sessionId && holdsSeat(e.state)).map((e) => e.id),
    );
    const strays = strayHolders(current, seated, idCreatedAt, this.clock.now(), STRAY_SEAT_GRACE_MS);
    let freed = 0;
    for (const enrollmentId of strays) if (await this.free({ tenantId, sessionId, enrollmentId })) freed++;
    return freed;
  }

  /** Frees the enrollment's seat; false when it held none. */
  async free(seat: SeatOf): Promise<boolean> {
    return this.change(seat, (current) => {
      const next = releaseSeat(current, seat.enrollmentId);
      return next ? { next, answer: true } : { answer: false };
    });
  }

  /**
   * Frees the enrollment's seat, if it held one, and gives the free seats of the session of
   * `capacity` to its waiting learners, oldest first (`enrollment.state-changed` to `enrolled`).
   */
  async freeAndPromote(seat: SeatOf, capacity: number): Promise<void> {
    await this.free(seat);
    await this.promoteWaiting(seat.tenantId, seat.sessionId, capacity);
  }

  /** Gives the free seats of a session to its waiting learners, oldest first; how many moved on. */
  async promoteWaiting(tenantId: string, sessionId: string, capacity: number): Promise<number> {
    let promoted = 0;
    let cursor: string | undefined;
    for (;;) {
      const waiting = await this.enrollments.list(
        tenantId,
        { sessionId, state: 'waiting' },
        { limit: WAITING_BATCH, cursor },
      );
      for (const learner of waiting.items) {
        const seat = { tenantId, sessionId, enrollmentId: learner.id };
        const claim = await this.claim(seat, capacity);
        if (claim === 'full') return promoted;
        // Held: another request took this seat for it and enrolls it.
        if (claim === 'held') continue;
        const enrolled = withState(learner, 'enrolled', this.clock.now());
        const title = await courseTitleOf(this.courses, learner);
        const outbox = [
          enrollmentEvent(this.events, 'enrollment.state-changed', enrolled, learner.state, title),
        ];
        if (await this.enrollments.save(tenantId, { enrollment: enrolled, outbox }, learner.version))
          promoted++;
        // It changed meanwhile: unenrolled, or moved by an administrator (who may have
        // enrolled it in this very seat); otherwise the seat goes on.
        else if (!(await this.nowHoldsSeat(tenantId, learner.id))) await this.free(seat);
      }
      if (waiting.nextCursor === null) return promoted;
      cursor = waiting.nextCursor;
    }
  }

  private seatOf(enrollment: Enrollment, sessionId: string): SeatOf {
    return { tenantId: enrollment.tenantId, sessionId, enrollmentId: enrollment.id };
  }

  private async capacityOf(enrollment: Enrollment): Promise<number> {
    if (enrollment.sessionId === null) return 0;
    const session = await this.sessions.findById(
      enrollment.tenantId,
      enrollment.courseId,
      enrollment.sessionId,
    );
    return session?.capacity ?? 0;
  }

  private async nowHoldsSeat(tenantId: string, enrollmentId: string): Promise<boolean> {
    const current = await this.enrollments.findById(tenantId, enrollmentId);
    return current !== null && holdsSeat(current.state);
  }

  private async change<T>(
    seat: SeatOf,
    decide: (current: SessionSeats) => { next?: SessionSeats; answer: T },
  ): Promise<T> {
    for (let attempt = 0; attempt < MAX_SEAT_ATTEMPTS; attempt++) {
      const current = await this.seats.find(seat.tenantId, seat.sessionId);
      const { next, answer } = decide(current);
      if (!next || (await this.seats.save(next, current.version))) return answer;
    }
    throw new ConcurrentModificationError();
  }
}
