/**
 * An anonymous guidance session and plan (no referral) leave no personal data in any table:
 * the whole journey is run over HTTP, every table is compared before and after, and every new
 * or changed value must be a code, a number, an id or a time — never free text, a name, an
 * address or a phone number. The recipient of the plan's e-mail and text message exists only
 * until the messages are sent.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../app.ts';
import type { Db } from '../../db/index.ts';
import type { App } from '../../platform/http.ts';
import { createTestDatabase, describeEachBackend, testConfig, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { createGuidanceFixture, type GuidanceFixture } from '../../../test/support/guidance.ts';
import { TestClient } from '../../../test/support/users.ts';
import { dispatchOutbox } from '../outbox/index.ts';

type Snapshot = Map<string, Set<string>>;

async function snapshot(db: Db): Promise<Snapshot> {
  const tables = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const result: Snapshot = new Map();
  for (const { table_name } of tables) {
    const rows = await db.query<{ row: string }>(`SELECT to_jsonb(t)::text AS row FROM "${table_name}" t`);
    result.set(table_name, new Set(rows.map((r) => r.row)));
  }
  return result;
}

/** Rows that are new or changed between two snapshots, per table. */
function changes(before: Snapshot, after: Snapshot): Map<string, unknown[]> {
  const result = new Map<string, unknown[]>();
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Set<string>();
    const added = [...rows].filter((row) => !old.has(row)).map((row) => JSON.parse(row) as unknown);
    if (added.length > 0) result.set(table, added);
  }
  return result;
}

function leafStrings(value: unknown, path = ''): { path: string; value: string }[] {
  if (typeof value === 'string') return [{ path, value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => leafStrings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leafStrings(v, path ? `${path}.${k}` : k));
  return [];
}

/** Codes, ids, tokens and timestamps: no spaces, no '@', nothing that could spell a name or an address. */
const codeLike = /^[A-Za-z0-9_.:+\-]*$/;

describeEachBackend('anonymous guidance leaves no personal data', (backend) => {
  let test: TestDatabase;
  let app: App;
  let fixture: GuidanceFixture;
  const now = new Date('2026-11-28T10:00:00Z');

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    fixture = await createGuidanceFixture(test.db, 'anon');
    app = await buildApp(testDeps(test.db, { config: testConfig({ DEV_LOGIN: 'on' }), clock: () => now }), { logger: false });
  });
  afterAll(async () => {
    await app.close();
    await test.drop();
  });

  it('stores only codes, numbers, ids and times for a whole guidance session, check, plan and sent plan', async () => {
    const client = new TestClient(app);
    await client.signInAsDevUser(fixture.professional.id);
    await client.get('/fi/guidance');
    const before = await snapshot(test.db);

    const started = await client.post('/fi/guidance/sessions', { clientLanguage: 'fi' });
    const id = /sessions\/([0-9a-f-]{36})\/context$/.exec(started.location!)![1]!;
    await client.get(`/fi/guidance/sessions/${id}/context`);
    await client.post(`/fi/guidance/sessions/${id}/context`, {
      clientLanguage: 'fi',
      municipalityCode: '837',
      postalCode: '33100',
      ageGroup: 'older',
      languages: ['fi', 'sv'],
      mobility: ['step_free', 'short_distance'],
      budget: 'kaikukortti',
      needAreas: ['exercise', 'loneliness', 'money'],
    });
    await client.get(`/fi/guidance/sessions/${id}/check`);
    await client.post(`/fi/guidance/sessions/${id}/check`, { instrumentId: 'ons4', 'item-life_satisfaction': '4', 'item-worthwhile': '6', 'item-happy_yesterday': '5', 'item-anxious_yesterday': '7', keep: 'yes' });
    await client.get(`/fi/guidance/sessions/${id}/suggestions`);
    await client.post(`/fi/guidance/sessions/${id}/plan/items`, { services: [fixture.services.seniorGym, fixture.services.livingRoom, fixture.services.debtAdvice] });
    await client.get(`/fi/guidance/sessions/${id}/plan`);
    const email = 'matti.meikalainen@example.fi';
    const phone = '040 765 4321';
    expect((await client.post(`/fi/guidance/sessions/${id}/plan/send`, { channel: 'email', recipient: email })).statusCode).toBe(303);
    await client.get(`/fi/guidance/sessions/${id}/plan`);
    expect((await client.post(`/fi/guidance/sessions/${id}/plan/send`, { channel: 'sms', recipient: phone })).statusCode).toBe(303);

    // Until sent, the outbox (and nothing else) holds the addresses.
    const pending = changes(before, await snapshot(test.db));
    const holders = [...pending].filter(([, rows]) => JSON.stringify(rows).includes(email) || JSON.stringify(rows).includes('+358407654321'));
    expect(holders.map(([table]) => table)).toEqual(['outbox_messages']);

    const sent = { name: 'memory', send: async () => {} };
    expect(await dispatchOutbox({ db: test.db, clock: () => now }, { email: sent, sms: sent })).toEqual({ sent: 2, retried: 0, failed: 0 });

    const after = changes(before, await snapshot(test.db));
    expect([...after.keys()].sort()).toEqual([
      'audit_events',
      'client_plan_items',
      'client_plans',
      'guidance_check_answers',
      'guidance_checks',
      'guidance_sessions',
      'outbox_messages',
    ]);
    const everything = JSON.stringify([...after]);
    for (const secret of [email, 'matti', 'meikalainen', '+358407654321', '040 765 4321', '7654321']) expect(everything).not.toContain(secret);
    const freeText = [...after].flatMap(([table, rows]) => leafStrings(rows).filter((s) => !codeLike.test(s.value)).map((s) => `${table}.${s.path}: ${s.value}`));
    expect(freeText).toEqual([]);
    // The only person in the new rows is the professional who did the work (accountability), by id.
    const people = new Set((after.get('guidance_sessions') as { created_by: string }[]).map((r) => r.created_by));
    expect(people).toEqual(new Set([fixture.professional.id]));
    expect((after.get('outbox_messages') as { status: string; recipient: unknown; body: unknown }[]).map((m) => [m.status, m.recipient, m.body])).toEqual([
      ['sent', null, null],
      ['sent', null, null],
    ]);
  });
});
