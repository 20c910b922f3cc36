import { IsIn } from 'class-validator';

/** The template files, one per kind of import. */
export const TEMPLATE_FILES = ['users.csv', 'states.csv'] as const;
export type TemplateFile = (typeof TEMPLATE_FILES)[number];

export class ImportTemplateParamsDto {
  /** `users.csv` or `states.csv`. */
  @IsIn(TEMPLATE_FILES) file!: TemplateFile;
}
