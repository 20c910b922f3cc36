import { attendanceOf, attends, foldAttendanceChanges, type AttendanceChange } from './session-attendance';

function change(version: number, state: AttendanceChange['state'], unenrolled = false): AttendanceChange {
  return {
    tenantId: 'tenant-1',
    enrollmentId: 'enrollment-1',
    sessionId: 'session-1',
    userId: 'learner-1',
    state,
    unenrolled,
    version,
  };
}

describe('who attends a session', () => {
  it('given an enrollment, then only an enrolled or in-progress learner still enrolled attends', () => {
    expect(attends('enrolled', false)).toBe(true);
    expect(attends('in_progress', false)).toBe(true);
    for (const state of ['completed', 'waiting', 'to_be_confirmed', 'suspended', 'overbooking'] as const)
      expect(attends(state, false)).toBe(false);
    expect(attends('enrolled', true)).toBe(false);
  });

  it('given changes in any order, then the newest newer than what is stored wins', () => {
    expect(
      foldAttendanceChanges(1, [change(3, 'enrolled'), change(2, 'waiting'), change(1, 'waiting')]),
    ).toEqual({
      write: change(3, 'enrolled'),
      newer: [true, true, false],
    });
    expect(foldAttendanceChanges(3, [change(2, 'enrolled')]).write).toBeNull();
    expect(attendanceOf({ ...change(4, 'enrolled', true), sessionId: 'session-1' })).toMatchObject({
      attends: false,
      version: 4,
    });
  });
});
