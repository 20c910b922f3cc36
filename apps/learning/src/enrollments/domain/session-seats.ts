/**
 * The seats of one instructor-led session (LE-E2): the enrollments holding one, in the order
 * they took it. One document per session, changed by compare-and-set only, so that the
 * session's capacity is never exceeded however many learners enroll at once.
 */
export interface SessionSeats {
  sessionId: string;
  tenantId: string;
  holders: string[];
  version: number;
}

export type TakeSeat = { outcome: 'taken'; seats: SessionSeats } | { outcome: 'held' } | { outcome: 'full' };

/** No seat taken yet: the state of a session nobody enrolled in. */
export function noSeatsTaken(tenantId: string, sessionId: string): SessionSeats {
  return { tenantId, sessionId, holders: [], version: 0 };
}

/**
 * The seats once `enrollmentId` took one of a session of `capacity`: `held` when it holds one
 * already, `full` when every seat is taken (a capacity lowered below the holders takes none).
 */
export function takeSeat(seats: SessionSeats, enrollmentId: string, capacity: number): TakeSeat {
  if (seats.holders.includes(enrollmentId)) return { outcome: 'held' };
  if (seats.holders.length >= capacity) return { outcome: 'full' };
  return {
    outcome: 'taken',
    seats: { ...seats, holders: [...seats.holders, enrollmentId], version: seats.version + 1 },
  };
}

/** The seats once `enrollmentId` left its seat; null when it held none. */
export function releaseSeat(seats: SessionSeats, enrollmentId: string): SessionSeats | null {
  if (!seats.holders.includes(enrollmentId)) return null;
  return {
    ...seats,
    holders: seats.holders.filter((id) => id !== enrollmentId),
    version: seats.version + 1,
  };
}

/**
 * The holders of seats that nothing backs any more: a seat taken for an enrollment that was
 * never written (a crash between the two writes), or kept by one unenrolled or moved out of a
 * seat before its seat was freed. Only holders older than `graceMs` (by their id's time): a
 * younger one may be an enrollment being written right now.
 */
export function strayHolders(
  seats: SessionSeats,
  seated: ReadonlySet<string>,
  createdAt: (enrollmentId: string) => Date | null,
  now: Date,
  graceMs: number,
): string[] {
  return seats.holders.filter((id) => {
    if (seated.has(id)) return false;
    const at = createdAt(id);
    return at !== null && now.getTime() - at.getTime() >= graceMs;
  });
}
