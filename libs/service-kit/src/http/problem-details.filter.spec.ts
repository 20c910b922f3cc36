import type { ArgumentsHost } from '@nestjs/common';
import pino from 'pino';
import { ConflictError } from '@lms/kernel';
import { ProblemDetailsFilter, type ProblemDetails } from './problem-details.filter';

/** What the filter sent: the status set on the reply and the problem it carried. */
function answerTo(exception: unknown): { status: number; problem: ProblemDetails } {
  const sent: { status: number; problem: ProblemDetails | null } = { status: 0, problem: null };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header: () => reply,
    send(body: ProblemDetails) {
      sent.problem = body;
      return reply;
    },
  };
  const request = { method: 'POST', url: '/v1/things/1/act', headers: {} };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new ProblemDetailsFilter(pino({ level: 'silent' })).catch(exception, host);
  if (!sent.problem) throw new Error('nothing was sent');
  return { status: sent.status, problem: sent.problem };
}

describe('ProblemDetailsFilter', () => {
  it("given a domain error whose details name a member of the problem format, then the format's own member wins", () => {
    const error = new ConflictError('THING.BUSY', 'The thing is busy.', {
      status: 'current',
      code: 'OTHER',
      detail: 'x',
      type: 'y',
      thingId: 't1',
    });

    const { status, problem } = answerTo(error);

    expect(status).toBe(409);
    expect(problem).toMatchObject({
      status: 409,
      code: 'THING.BUSY',
      detail: 'The thing is busy.',
      type: 'https://errors.coaching-platform.dev/thing-busy',
      thingId: 't1',
      instance: '/v1/things/1/act',
    });
  });
});
