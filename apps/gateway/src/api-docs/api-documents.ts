import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

export type ApiDocument = Record<string, unknown>;

export interface ApiDocuments {
  /** The HTTP API (OpenAPI 3.1). */
  openapi: ApiDocument;
  /** The event catalogue (AsyncAPI 3.0), generated from the contracts. */
  asyncapi: ApiDocument;
}

export const API_DOCUMENTS = Symbol('API_DOCUMENTS');

const OPENAPI_FILE = 'openapi.yaml';
const ASYNCAPI_FILE = 'asyncapi.yaml';

/**
 * The `docs/` folder: the one given, else the first `docs/` holding the OpenAPI document
 * above this file (the source tree in development, the image's working copy in a container).
 */
export function locateApiDocsDir(given: string | null, from: string = __dirname): string {
  if (given) return path.resolve(given);
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'docs');
    if (existsSync(path.join(candidate, OPENAPI_FILE))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(`no docs/${OPENAPI_FILE} found above ${from}; set API_DOCS_DIR`);
}

/** Reads and checks both documents once, at start-up: a broken document stops the gateway. */
export function loadApiDocuments(dir: string): ApiDocuments {
  const openapi = readYamlDocument(path.join(dir, OPENAPI_FILE));
  const asyncapi = readYamlDocument(path.join(dir, ASYNCAPI_FILE));
  if (typeof openapi.openapi !== 'string' || !openapi.openapi.startsWith('3.1')) {
    throw new Error(`${OPENAPI_FILE} is not an OpenAPI 3.1 document`);
  }
  if (typeof asyncapi.asyncapi !== 'string' || !asyncapi.asyncapi.startsWith('3.')) {
    throw new Error(`${ASYNCAPI_FILE} is not an AsyncAPI 3 document`);
  }
  return { openapi, asyncapi };
}

function readYamlDocument(file: string): ApiDocument {
  const parsed: unknown = parse(readFileSync(file, 'utf8'));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`${file} does not hold a YAML mapping`);
  }
  return parsed as ApiDocument;
}
