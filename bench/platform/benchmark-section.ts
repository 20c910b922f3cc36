import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

/**
 * Writes one benchmark's section of docs/benchmarks.md, between its `<!-- name:start -->` and
 * `<!-- name:end -->` markers (appended at the end the first time), leaving the rest as it is,
 * formatted as the repository formats Markdown.
 */
export async function writeBenchmarkSection(
  repoRoot: string,
  name: string,
  body: readonly string[],
): Promise<string> {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const section = [start, '', ...body, end].join('\n');
  const file = path.join(repoRoot, 'docs', 'benchmarks.md');
  const current = readFileSync(file, 'utf8');
  const at = current.indexOf(start);
  const until = current.indexOf(end);
  const next =
    at >= 0 && until > at
      ? `${current.slice(0, at)}${section}${current.slice(until + end.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, await format(next, { ...(await resolveConfig(file)), parser: 'markdown' }));
  return section;
}
