/**
 * Seeds a small demo through the gateway: a coach, three learners, a group with them and a
 * group coach assignment for the learner role, then waits for the fan-out. Running it again
 * finds the demo and changes nothing.
 *
 *   node dist/scripts/seed-demo.js [gatewayUrl]
 */
const gateway = process.argv[2] ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const DOMAIN = 'demo.coaching-platform.local';

interface Created {
  id: string;
}
interface Page<T> {
  items: T[];
}

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

async function create<T>(path: string, body: unknown): Promise<T> {
  const result = await call<T>('POST', path, body);
  if (result.status !== 201) throw new Error(`POST ${path}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

async function findUser(email: string): Promise<Created | undefined> {
  const result = await call<Page<Created>>(
    'GET',
    `/api/v1/identity/users?email=${encodeURIComponent(email)}`,
  );
  return result.status === 200 ? result.body.items[0] : undefined;
}

async function main(): Promise<void> {
  const coachEmail = `giulia.rossi@${DOMAIN}`;
  const existing = await findUser(coachEmail);
  if (existing) {
    console.log(`Demo data already present (coach ${existing.id}).`);
    printHint(existing.id);
    return;
  }
  const coach = await create<Created>('/api/v1/identity/users', {
    email: coachEmail,
    firstName: 'Giulia',
    lastName: 'Rossi',
    locale: 'it',
  });
  const learners = [
    ['Ada', 'Lovelace', 'en'],
    ['Bruno', 'Bianchi', 'it'],
    ['Chen', 'Wei', 'en'],
  ];
  const group = await create<Created>('/api/v1/identity/groups', { name: 'Demo: Sales Academy' });
  await create(`/api/v1/identity/groups/${group.id}/members`, { userId: coach.id, roles: ['coach'] });
  for (const [firstName, lastName, locale] of learners) {
    const learner = await create<Created>('/api/v1/identity/users', {
      email: `${firstName.toLowerCase()}@${DOMAIN}`,
      firstName,
      lastName,
      locale,
    });
    await create(`/api/v1/identity/groups/${group.id}/members`, { userId: learner.id, roles: ['learner'] });
  }
  await create('/api/v1/coaching/group-assignments', {
    groupId: group.id,
    roles: ['learner'],
    coachIds: [coach.id],
  });

  const deadline = Date.now() + 30_000;
  let count = 0;
  while (Date.now() < deadline) {
    const page = await call<Page<Created>>('GET', `/api/v1/coaching/assignments?coachId=${coach.id}`);
    count = page.body.items?.length ?? 0;
    if (count === learners.length) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const progress =
    count === learners.length
      ? `the fan-out created ${count} coach assignments`
      : `the fan-out has created ${count} of ${learners.length} coach assignments so far (it goes on in the background)`;
  console.log(
    `Demo seeded: coach Giulia Rossi, ${learners.length} learners, group "Demo: Sales Academy"; ${progress}.`,
  );
  printHint(coach.id);
}

function printHint(coachId: string): void {
  console.log(`Fan-out: curl -s '${gateway}/api/v1/coaching/assignments?coachId=${coachId}'`);
}

main().catch((error: unknown) => {
  console.error('Seeding the demo failed:', error);
  process.exit(1);
});
