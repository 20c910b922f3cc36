import { IsIn } from 'class-validator';

import type { ImportKind } from '../domain/import';

/** The template files, one per kind of import. */
export const TEMPLATE_FILES = ['users.csv', 'states.csv', 'managers.csv'] as const;
export type TemplateFile = (typeof TEMPLATE_FILES)[number];

/** The kind of import each template file is for. */
export const KIND_OF_TEMPLATE: Readonly<Record<TemplateFile, ImportKind>> = {
  'users.csv': 'users',
  'states.csv': 'states',
  'managers.csv': 'managers',
};

export class ImportTemplateParamsDto {
  /** `users.csv`, `states.csv` or `managers.csv`. */
  @IsIn(TEMPLATE_FILES) file!: TemplateFile;
}
