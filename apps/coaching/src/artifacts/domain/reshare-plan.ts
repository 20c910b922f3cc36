import { calendarDateOf, type CalendarDate } from '../../assignments/domain/calendar-date';
import { permits, shareId, type ArtifactShare } from './artifact';

/** What a transfer with re-share says (CO-A7): whose artifacts, from which coaches to which, over which window. */
export interface ReshareRequest {
  tenantId: string;
  menteeId: string;
  previousCoachIds: readonly string[];
  coachIds: readonly string[];
  /** The assignment's window: shares made in it move. */
  startDate: CalendarDate;
  endDate: CalendarDate | null;
  /** When the transfer happened: the time of the new shares, and the end of the window. */
  transferredAt: Date;
}

export interface ResharePlan {
  /** New shares, or stronger ones in place of existing ones (by id). */
  put: ArtifactShare[];
  /** Shares taken from the previous coaches. */
  remove: ArtifactShare[];
}

/**
 * CO-A7's re-share, from the mentee's shares (`shares`: every share of the mentee's artifacts
 * with the previous and the new coaches): each share the mentee gave a previous coach who
 * leaves, inside the assignment's window, is taken from that coach and given to each new coach
 * at the same permission (a coach kept from before gets nothing more). Shares anyone else gave (the previous coach's own, at `high`) stay,
 * as do shares made before the window or after the transfer. A new coach who holds the
 * artifact already keeps the stronger of the two permissions. Planned again after it was
 * applied, it is empty; after half of it was applied, it is the other half.
 */
export function planReshare(shares: readonly ArtifactShare[], request: ReshareRequest): ResharePlan {
  const leaving = new Set(request.previousCoachIds.filter((id) => !request.coachIds.includes(id)));
  const arriving = request.coachIds.filter(
    (id) => id !== request.menteeId && !request.previousCoachIds.includes(id),
  );
  const moving = shares.filter(
    (share) =>
      share.ownerId === request.menteeId &&
      share.sharedBy === request.menteeId &&
      leaving.has(share.userId) &&
      inWindow(share.sharedAt, request),
  );
  const held = new Map(shares.map((share) => [share.id, share]));
  const put = new Map<string, ArtifactShare>();
  for (const share of moving) {
    for (const coachId of arriving) {
      const id = shareId(share.artifactId, coachId);
      const current = put.get(id) ?? held.get(id);
      if (current !== undefined && permits(current.permission, share.permission)) continue;
      put.set(id, {
        id,
        tenantId: request.tenantId,
        artifactId: share.artifactId,
        ownerId: share.ownerId,
        userId: coachId,
        permission: share.permission,
        sharedBy: request.menteeId,
        sharedAt: request.transferredAt,
        resharedFrom: share.userId,
      });
    }
  }
  return { put: [...put.values()], remove: moving };
}

function inWindow(sharedAt: Date, request: ReshareRequest): boolean {
  const day = calendarDateOf(sharedAt);
  if (sharedAt.getTime() > request.transferredAt.getTime() || day < request.startDate) return false;
  return request.endDate === null || day <= request.endDate;
}
