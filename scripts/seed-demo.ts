/**
 * Seeds a small demo through the gateway, signed in as the host tenant's System Administrator
 * (`BOOTSTRAP_ADMIN_EMAIL`, `BOOTSTRAP_ADMIN_PASSWORD`): a demo tenant with its Application
 * Administrator (`DEMO_ADMIN_PASSWORD`), then, as that administrator, a coach, three learners,
 * a group with them and a group coach assignment for the learner role, and waits for the
 * fan-out; then two published courses (an e-learning one, and an instructor-led one whose
 * session has two seats) in a learning plan assigned to the group, which enrolls its learners (the third one
 * waits for a seat). Running it again finds the demo and changes nothing. Prints how to sign in.
 *
 *   node dist/scripts/seed-demo.js [gatewayUrl]
 */
const gateway = process.argv[2] ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const DOMAIN = 'demo.coaching-platform.local';
const HOST_TENANT = '1000';
const DEMO_TENANT = 'demo';

interface Credentials {
  tenant: string;
  email: string;
  password: string;
}

function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const systemAdmin: Credentials = {
  tenant: HOST_TENANT,
  email: setting('BOOTSTRAP_ADMIN_EMAIL'),
  password: setting('BOOTSTRAP_ADMIN_PASSWORD'),
};
const demoAdmin: Credentials = {
  tenant: DEMO_TENANT,
  email: `admin@${DOMAIN}`,
  password: setting('DEMO_ADMIN_PASSWORD'),
};
let accessToken: string | undefined;

interface Created {
  id: string;
}
interface Page<T> {
  items: T[];
}

async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${gateway}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
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

async function signIn(credentials: Credentials): Promise<void> {
  accessToken = undefined;
  const result = await call<{ accessToken: string }>('POST', '/api/v1/auth/login', credentials);
  if (result.status !== 200)
    throw new Error(`Signing in ${credentials.email} failed: ${JSON.stringify(result.body)}`);
  accessToken = result.body.accessToken;
}

/** The demo tenant and its administrator, unless they exist. */
async function ensureDemoTenant(): Promise<void> {
  await signIn(systemAdmin);
  const result = await call<{ code?: string }>('POST', '/api/v1/identity/tenants', {
    code: DEMO_TENANT,
    name: 'Demo Academy',
    administrator: {
      email: demoAdmin.email,
      firstName: 'Marta',
      lastName: 'Conti',
      password: demoAdmin.password,
    },
  });
  if (result.status !== 201 && result.body.code !== 'TENANT.CODE_TAKEN')
    throw new Error(`Creating the demo tenant failed: ${result.status} ${JSON.stringify(result.body)}`);
}

async function findUser(email: string): Promise<Created | undefined> {
  const result = await call<Page<Created>>(
    'GET',
    `/api/v1/identity/users?email=${encodeURIComponent(email)}`,
  );
  return result.status === 200 ? result.body.items[0] : undefined;
}

async function main(): Promise<void> {
  await ensureDemoTenant();
  await signIn(demoAdmin);
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
  const plan = await seedLearning(group.id);
  console.log(
    `Demo seeded: coach Giulia Rossi, ${learners.length} learners, group "Demo: Sales Academy"; ${progress}; ` +
      `plan "Demo: Sales onboarding" (${plan.id}) of two courses assigned to the group: its learners are enrolled in the background.`,
  );
  printHint(coach.id);
}

/**
 * Two published courses, an e-learning one and an instructor-led one with a session of two
 * seats a month from now, in a plan assigned to the group (LE-G1): its learners, current and
 * future, are enrolled in it by learning in the background; the third one waits for a seat.
 */
async function seedLearning(groupId: string): Promise<Created> {
  const course = (body: Record<string, unknown>): Promise<Created> =>
    create<Created>('/api/v1/learning/courses', body);
  const listening = await course({
    title: 'Demo: Active listening',
    kind: 'elearning',
    material: [
      { title: 'Why listening sells', kind: 'video', url: 'https://media.example.com/listening.mp4' },
      { title: 'Checklist', kind: 'document', url: 'https://media.example.com/listening.pdf' },
    ],
  });
  const workshop = await course({ title: 'Demo: Negotiation workshop', kind: 'ilt' });
  const startsAt = new Date(Date.now() + 30 * 24 * 60 * 60_000);
  startsAt.setUTCHours(9, 0, 0, 0);
  await create(`/api/v1/learning/courses/${workshop.id}/sessions`, {
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 8 * 60 * 60_000).toISOString(),
    place: 'Milan office, room 4',
    capacity: 2,
  });
  for (const course of [listening, workshop]) {
    const publishedAnswer = await call('POST', `/api/v1/learning/courses/${course.id}/publish`);
    if (publishedAnswer.status !== 200)
      throw new Error(`publishing a demo course answered ${publishedAnswer.status}`);
  }
  const plan = await create<Created>('/api/v1/learning/plans', {
    title: 'Demo: Sales onboarding',
    courseIds: [listening.id, workshop.id],
  });
  const assigned = await call('POST', '/api/v1/learning/group-enrollments', { groupId, planId: plan.id });
  if (assigned.status !== 202) throw new Error(`assigning the demo plan answered ${assigned.status}`);
  return plan;
}

function printHint(coachId: string): void {
  const login = JSON.stringify({
    tenant: demoAdmin.tenant,
    email: demoAdmin.email,
    password: demoAdmin.password,
  });
  console.log(
    `System administrator: tenant=${systemAdmin.tenant} email=${systemAdmin.email} password=${systemAdmin.password}`,
  );
  console.log(
    `Demo administrator: tenant=${demoAdmin.tenant} email=${demoAdmin.email} password=${demoAdmin.password}`,
  );
  console.log('Sign in and list the fan-out:');
  console.log(
    `  TOKEN=$(curl -s -X POST '${gateway}/api/v1/auth/login' -H 'content-type: application/json' -d '${login}' | node -pe 'JSON.parse(require("fs").readFileSync(0, "utf8")).accessToken') && ` +
      `curl -s -H "Authorization: Bearer $TOKEN" '${gateway}/api/v1/coaching/assignments?coachId=${coachId}'`,
  );
  console.log('Then the enrollments of the demo plan (their mails are in MailDev):');
  console.log(`  curl -s -H "Authorization: Bearer $TOKEN" '${gateway}/api/v1/learning/enrollments'`);
}

main().catch((error: unknown) => {
  console.error('Seeding the demo failed:', error);
  process.exit(1);
});
