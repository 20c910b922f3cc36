/** The parts of the platform's answers that the end-to-end tests read. */
export interface Created {
  id: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Assignment {
  id: string;
  menteeId: string;
  coachIds: string[];
  origin: string;
  groupAssignmentId: string | null;
  status: string;
}

export interface Problem {
  status: number;
  code: string;
}
