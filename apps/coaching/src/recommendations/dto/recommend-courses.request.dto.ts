import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { MAX_NOTE_LENGTH, MAX_RECOMMENDED_COURSES } from '../domain/recommendation';

/** `POST /v1/recommendations` (CO-W4). The coach is the caller, never from here. */
export class RecommendCoursesRequestDto {
  /** A mentee the caller coaches under a current, active assignment. */
  @IsUUID()
  menteeId!: string;

  /** One to fifty published courses of the catalog, each once, by id (1 to 100 characters). */
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_RECOMMENDED_COURSES,
    uniqueItems: true,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RECOMMENDED_COURSES)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  courseIds!: string[];

  /**
   * Why the coach recommends them, up to 1000 characters once trimmed; kept with each.
   * @example "Start with this one before our next session."
   */
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(MAX_NOTE_LENGTH)
  note?: string;
}
