import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_ATTENDANCE_NOTE_LENGTH, MAX_GRADE } from '../domain/enrollment-attendance';

/**
 * `PUT /v1/enrollments/{id}/attendance` (LE-C2): an instructor's mark of the learner at its
 * session, replacing the one before: an absent grade or note removes it.
 */
export class MarkAttendanceRequestDto {
  /** Whether the learner attended its session: `true` completes its enrollment. */
  @IsBoolean()
  attended!: boolean;

  /** A whole number from 0 to 100; absent: no grade. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_GRADE)
  grade?: number | null;

  /** At most 500 characters, trimmed; absent or blank: no note. */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ATTENDANCE_NOTE_LENGTH)
  note?: string | null;
}
