import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { ALL_STREAMS } from '@lms/contracts';
import { asyncApiYaml, buildAsyncApiDocument } from './asyncapi/asyncapi-document';

/**
 * Writes docs/asyncapi.yaml from the event contracts.
 *
 *   node dist/scripts/generate-asyncapi.js [--out <file>] [--check]
 *
 * `--check` writes nothing and exits 1 when the file is not what the contracts generate.
 */
function main(argv: readonly string[]): number {
  const root = repositoryRoot(__dirname);
  const outAt = argv.indexOf('--out');
  const out =
    outAt >= 0 && argv[outAt + 1] ? path.resolve(argv[outAt + 1]) : path.join(root, 'docs', 'asyncapi.yaml');
  const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const text = asyncApiYaml(buildAsyncApiDocument(ALL_STREAMS, { version }));
  if (argv.includes('--check')) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
    if (current === text) return 0;
    process.stderr.write(`${path.relative(root, out)} is out of date: run the AsyncAPI generator\n`);
    return 1;
  }
  writeFileSync(out, text);
  process.stdout.write(`wrote ${path.relative(root, out)} (${ALL_STREAMS.length} streams)\n`);
  return 0;
}

/** The folder holding package.json, above the source file or its compiled copy under dist/. */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

if (require.main === module) {
  process.exitCode = main(process.argv.slice(2));
}
