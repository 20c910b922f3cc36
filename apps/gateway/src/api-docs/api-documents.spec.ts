import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { loadApiDocuments, locateApiDocsDir } from './api-documents';

describe('API documents', () => {
  it("finds the repository's docs folder from the gateway's own folder and reads both documents", () => {
    const documents = loadApiDocuments(locateApiDocsDir(null, __dirname));

    expect(documents.openapi.openapi).toMatch(/^3\.1\./);
    expect(documents.asyncapi.asyncapi).toMatch(/^3\./);
  });

  it('refuses to start with a document that is not OpenAPI 3.1', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'api-docs-'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'openapi.yaml'), 'swagger: "2.0"\n');
    writeFileSync(path.join(dir, 'asyncapi.yaml'), 'asyncapi: 3.0.0\n');

    expect(() => loadApiDocuments(dir)).toThrow('openapi.yaml is not an OpenAPI 3.1 document');
  });

  it('uses the folder it is given', () => {
    expect(locateApiDocsDir('/srv/docs')).toBe(path.resolve('/srv/docs'));
  });
});

describe('the OpenAPI document of the repository', () => {
  const documents = loadApiDocuments(locateApiDocsDir(null, __dirname));
  const openapi = documents.openapi as { paths: Record<string, Record<string, { responses?: object }>> };

  function localRefs(node: unknown, found: string[] = []): string[] {
    if (Array.isArray(node)) node.forEach((item) => localRefs(item, found));
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') found.push(value);
        else localRefs(value, found);
      }
    }
    return found;
  }

  function resolves(document: object, ref: string): boolean {
    if (!ref.startsWith('#/')) return false;
    let node: unknown = document;
    for (const part of ref.slice(2).split('/')) {
      if (typeof node !== 'object' || node === null) return false;
      node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return node !== undefined;
  }

  it.each(['openapi', 'asyncapi'] as const)('has no dangling $ref in the %s document', (name) => {
    const document = documents[name];
    expect(localRefs(document).filter((ref) => !resolves(document, ref))).toEqual([]);
  });

  it('says who may call every operation, and how every error of it looks', () => {
    const operations = Object.values(openapi.paths).flatMap((item) => Object.values(item)) as Array<{
      'x-access'?: unknown;
      responses: Record<string, { content?: Record<string, unknown> }>;
    }>;

    expect(operations.length).toBeGreaterThan(20);
    for (const operation of operations) {
      expect(operation['x-access']).toBeDefined();
      for (const [status, response] of Object.entries(operation.responses))
        if (Number(status) >= 400)
          expect(Object.keys(response.content ?? {})).toEqual(['application/problem+json']);
    }
  });
});
