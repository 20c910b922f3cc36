import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { HttpStatus } from '@nestjs/common';
import * as ts from 'typescript';
import type { DomainErrorKind } from '@lms/kernel';
import { STATUS_OF_KIND } from '@lms/service-kit';

/** One error code the platform can answer with. */
export interface CatalogueEntry {
  code: string;
  /** The HTTP status it is answered with; null: not an HTTP answer (an event's dead letter). */
  status: number | null;
  /** What the code says, as its source writes it (`${...}` where a value is filled in). */
  detail: string | null;
  /** Where it is raised: `identity`, `gateway`, or `shared` for the libraries. */
  where: string;
}

export const ERROR_CODE = /^[A-Z][A-Z_]*\.[A-Z][A-Z_]*$/;

/** The domain error classes whose constructors fix the kind. */
const KIND_OF_BASE: Record<string, string> = {
  NotFoundError: 'not_found',
  ConflictError: 'conflict',
  BusinessRuleError: 'invalid',
};

function textOf(node: ts.Expression | undefined): string | null {
  if (!node) return null;
  if (ts.isStringLiteralLike(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `\${…}${span.literal.text}`).join('');
  return null;
}

function statusOfHttpStatus(node: ts.Expression | undefined): number | null {
  if (!node) return null;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPropertyAccessExpression(node) && node.expression.getText() === 'HttpStatus') {
    const status = (HttpStatus as unknown as Record<string, number>)[node.name.text];
    return typeof status === 'number' ? status : null;
  }
  return null;
}

/** The status of one of Nest's HTTP exceptions, by its name: `BadRequestException` is 400. */
function statusOfExceptionClass(name: string): number | null {
  const key = name
    .replace(/Exception$/, '')
    .replace(/(?<=[a-z])(?=[A-Z])/g, '_')
    .toUpperCase();
  const status = (HttpStatus as unknown as Record<string, number>)[key];
  return typeof status === 'number' ? status : null;
}

/** The domain error constructor arguments `(code, kind?, detail)` of a base class. */
function domainErrorEntry(
  base: string,
  args: ts.NodeArray<ts.Expression>,
): Omit<CatalogueEntry, 'where'> | null {
  const code = textOf(args[0]);
  if (!code || !ERROR_CODE.test(code)) return null;
  if (base in KIND_OF_BASE)
    return { code, status: STATUS_OF_KIND[KIND_OF_BASE[base] as DomainErrorKind], detail: textOf(args[1]) };
  if (base === 'DomainError') {
    const kind = textOf(args[1]) as DomainErrorKind | null;
    return { code, status: (kind && STATUS_OF_KIND[kind]) ?? null, detail: textOf(args[2]) };
  }
  return null;
}

function enclosingBaseClass(node: ts.Node): string | null {
  for (let at: ts.Node | undefined = node; at; at = at.parent) {
    if (ts.isClassDeclaration(at)) {
      const heritage = at.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword);
      return heritage?.types[0]?.expression.getText() ?? null;
    }
  }
  return null;
}

/** The codes of a `..._CODES = [...]` list (`as const` or not); none for anything else. */
function reportedCodes(initializer: ts.Expression | undefined): string[] {
  let list = initializer;
  while (list && (ts.isAsExpression(list) || ts.isSatisfiesExpression(list))) list = list.expression;
  if (!list || !ts.isArrayLiteralExpression(list)) return [];
  return list.elements
    .map((element) => (ts.isStringLiteral(element) ? element.text : null))
    .filter((code): code is string => code !== null && ERROR_CODE.test(code));
}

/** The entries one source file defines, and every code-like string it mentions. */
function scan(file: string, where: string): { defined: CatalogueEntry[]; mentioned: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const defined: CatalogueEntry[] = [];
  const mentioned: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) && ERROR_CODE.test(node.text)) mentioned.push(node.text);
    let entry: Omit<CatalogueEntry, 'where'> | null = null;
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.SuperKeyword) {
      const base = enclosingBaseClass(node);
      if (base) entry = domainErrorEntry(base, node.arguments);
    } else if (ts.isNewExpression(node) && node.arguments) {
      const created = node.expression.getText();
      if (created === 'DomainError' || created in KIND_OF_BASE)
        entry = domainErrorEntry(created, node.arguments);
      const [body, status] = node.arguments;
      const httpStatus =
        created === 'HttpException' ? statusOfHttpStatus(status) : statusOfExceptionClass(created);
      if (created.endsWith('Exception') && body && ts.isObjectLiteralExpression(body)) {
        const property = (name: string): ts.Expression | undefined =>
          body.properties.find(
            (p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && p.name.getText() === name,
          )?.initializer;
        const code = textOf(property('code'));
        if (code && ERROR_CODE.test(code))
          entry = { code, status: httpStatus, detail: textOf(property('detail')) };
      }
    } else if (ts.isPropertyAssignment(node) && ts.isNumericLiteral(node.name)) {
      const code = textOf(node.initializer);
      if (code && ERROR_CODE.test(code)) entry = { code, status: Number(node.name.text), detail: null };
    } else if (ts.isPropertyDeclaration(node) && node.name.getText() === 'code') {
      const code = textOf(node.initializer);
      if (code && ERROR_CODE.test(code)) entry = { code, status: null, detail: null };
    } else if (ts.isVariableDeclaration(node) && /_CODES$/.test(node.name.getText())) {
      // A list of codes a feature reports without raising them (e.g. an import's per-row report).
      for (const code of reportedCodes(node.initializer))
        defined.push({ code, status: null, detail: null, where });
    }
    if (entry) defined.push({ ...entry, where });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { defined, mentioned };
}

/**
 * Every error code of the platform, from its source: each place that raises one (a domain
 * error's constructor, an HTTP exception with a `code`, the problem filter's status table).
 * Throws when the source mentions a code that nothing raises.
 */
export function errorCatalogue(root: string, sourceFiles: readonly string[]): CatalogueEntry[] {
  const byCode = new Map<string, CatalogueEntry>();
  const mentioned = new Set<string>();
  for (const file of sourceFiles) {
    const relative = path.relative(root, file).split(path.sep);
    const where = relative[0] === 'apps' ? relative[1] : 'shared';
    const found = scan(file, where);
    found.mentioned.forEach((code) => mentioned.add(code));
    for (const entry of found.defined) {
      const known = byCode.get(entry.code);
      if (!known) byCode.set(entry.code, entry);
      else if (known.where !== entry.where && !known.where.includes(entry.where))
        known.where = `${known.where}, ${entry.where}`;
    }
  }
  const undefinedCodes = [...mentioned].filter((code) => !byCode.has(code));
  if (undefinedCodes.length > 0)
    throw new Error(`codes mentioned but never raised: ${undefinedCodes.sort().join(', ')}`);
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export function errorCatalogueMarkdown(entries: readonly CatalogueEntry[]): string {
  const escape = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const rows = entries.map(
    (entry) =>
      `| \`${entry.code}\` | ${entry.status ?? '— (events)'} | ${entry.detail ? escape(entry.detail) : ''} | ${entry.where} |`,
  );
  return [
    '<!-- Generated from the source by scripts/generate-openapi.ts: do not edit by hand. -->',
    '',
    '# Error codes',
    '',
    'Every error of the API is `application/problem+json` with a stable `code` (see the `Problem`',
    'schema of the OpenAPI document). These are all the codes the platform answers with, the HTTP',
    "status of each, and what it says (`${…}` is filled in with the request's values).",
    '',
    '| code | status | detail | raised by |',
    '| ---- | ------ | ------ | --------- |',
    ...rows,
    '',
  ].join('\n');
}
