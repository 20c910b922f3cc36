import { readFileSync } from 'node:fs';
import * as ts from 'typescript';

/** One schema class of settings: where it is declared, and the processes that read it. */
export interface SettingsSchema {
  /** The class, compiled, to read its defaults from a fresh instance. */
  type: new () => object;
  /** The class's name and its source file, to read its properties and their comments. */
  name: string;
  file: string;
  /** `every process`, `every service`, or a process's name. */
  usedBy: string;
}

interface Setting {
  name: string;
  description: string;
  required: boolean;
}

/** The settings a class declares itself (not inherited), with their doc comments. */
function declaredSettings(schema: SettingsSchema): Setting[] {
  const source = ts.createSourceFile(
    schema.file,
    readFileSync(schema.file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const declaration = source.statements.find(
    (statement): statement is ts.ClassDeclaration =>
      ts.isClassDeclaration(statement) && statement.name?.text === schema.name,
  );
  if (!declaration) throw new Error(`${schema.file} declares no class ${schema.name}`);
  return declaration.members.filter(ts.isPropertyDeclaration).map((property) => ({
    name: property.name.getText(source),
    description: ts
      .getJSDocCommentsAndTags(property)
      .filter(ts.isJSDoc)
      .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
    required: property.exclamationToken !== undefined,
  }));
}

function shown(value: unknown): string {
  if (value === undefined) return '';
  const text = Array.isArray(value) ? value.join(',') : String(value);
  return text === '' ? '(empty)' : `\`${text}\``;
}

const SHARED = ['every process', 'every service'];

interface Row {
  usedBy: string[];
  description: string;
  required: boolean;
  defaults: Array<{ value: string; by: string }>;
}

function defaultsOf(row: Row): string {
  const distinct = [...new Set(row.defaults.map((entry) => entry.value))];
  if (distinct.length === 0) return row.required ? 'required' : 'unset';
  if (distinct.length === 1) return distinct[0];
  const shared = row.defaults.find((entry) => SHARED.includes(entry.by));
  return row.defaults
    .filter((entry) => entry === shared || entry.value !== shared?.value)
    .map((entry) => `${entry.value} (${entry === shared ? 'otherwise' : entry.by})`)
    .join(', ');
}

/**
 * The Markdown table of every setting the schemas declare: name, who reads it, its default
 * (per process where they differ) and its doc comment. Schemas shared by several processes
 * come first; a process's schema may override a shared default. Throws for a setting
 * without a doc comment.
 */
export function configurationTable(schemas: readonly SettingsSchema[]): string {
  const rows = new Map<string, Row>();
  for (const schema of schemas) {
    const instance = new schema.type() as Record<string, unknown>;
    for (const setting of declaredSettings(schema)) {
      const value = shown(instance[setting.name]);
      const row = rows.get(setting.name);
      if (!row) {
        rows.set(setting.name, {
          usedBy: [schema.usedBy],
          description: setting.description,
          required: setting.required,
          defaults: value ? [{ value, by: schema.usedBy }] : [],
        });
        continue;
      }
      row.description ||= setting.description;
      if (!row.usedBy.some((by) => SHARED.includes(by))) row.usedBy.push(schema.usedBy);
      if (value) row.defaults.push({ value, by: schema.usedBy });
    }
  }
  const undocumented = [...rows].filter(([, row]) => !row.description).map(([name]) => name);
  if (undocumented.length > 0) throw new Error(`settings without a doc comment: ${undocumented.join(', ')}`);
  const lines = [...rows].map(
    ([name, row]) =>
      `| \`${name}\` | ${row.usedBy.join(', ')} | ${defaultsOf(row)} | ${row.description.replace(/\|/g, '\\|')} |`,
  );
  return [
    '| variable | used by | default | meaning |',
    '| -------- | ------- | ------- | ------- |',
    ...lines,
  ].join('\n');
}
