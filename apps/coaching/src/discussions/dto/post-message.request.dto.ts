import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { MAX_MESSAGE_LENGTH } from '../domain/message';

/** `POST /v1/assignments/:id/messages` (CO-W1). The author is the caller, never from here. */
export class PostMessageRequestDto {
  /**
   * 1 to 4000 characters once trimmed.
   * @example "Shall we go through the second module on Thursday?"
   */
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, MAX_MESSAGE_LENGTH)
  text!: string;
}
