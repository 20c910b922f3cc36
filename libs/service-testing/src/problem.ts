import type { TestResponse } from './service-app';

/** The answer is a problem+json of this status and code. */
export function expectProblem(result: TestResponse, status: number, code: string): void {
  expect({ status: result.status, code: (result.body as { code?: string } | undefined)?.code }).toEqual({
    status,
    code,
  });
  expect(String(result.headers['content-type'])).toContain('application/problem+json');
}
