import { IsUUID } from 'class-validator';

/** `POST /v1/courses/{id}/author` (LE-C2): the user the authorship is handed on to. */
export class TransferCourseAuthorshipRequestDto {
  /** The new author, a user of the tenant. */
  @IsUUID()
  userId!: string;
}
