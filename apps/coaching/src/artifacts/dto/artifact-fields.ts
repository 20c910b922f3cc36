import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsString, IsUrl, Length, MaxLength } from 'class-validator';
import {
  MAX_ARTIFACT_LINK_LENGTH,
  MAX_ARTIFACT_TEXT_LENGTH,
  MAX_ARTIFACT_TITLE_LENGTH,
} from '../domain/artifact';

const trimmed = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() : value,
);

/** An artifact's title: 1 to 200 characters once trimmed. */
export function IsArtifactTitle(): PropertyDecorator {
  return applyDecorators(trimmed, IsString(), Length(1, MAX_ARTIFACT_TITLE_LENGTH));
}

/** A link to the document: http or https only. */
export function IsArtifactLink(): PropertyDecorator {
  return applyDecorators(
    IsUrl({ protocols: ['http', 'https'], require_protocol: true }),
    MaxLength(MAX_ARTIFACT_LINK_LENGTH),
  );
}

/** A text artifact: 1 to 20,000 characters. */
export function IsArtifactText(): PropertyDecorator {
  return applyDecorators(IsString(), Length(1, MAX_ARTIFACT_TEXT_LENGTH));
}
