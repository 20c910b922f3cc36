import { IsUUID } from 'class-validator';

/** The `:id` of the assignment whose discussion a route reads or writes. */
export class AssignmentIdParamsDto {
  @IsUUID()
  id!: string;
}
