/**
 * Faults on PostgreSQL: the database connection is killed (pg_terminate_backend) in the middle
 * of a transition, at every statement of it. The caller gets an error, nothing is half-written,
 * the process does not crash, and after reconnecting the same transition succeeds. Also: the
 * reminder job claimed by two instances at once sends each reminder once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db, Transaction } from '../../db/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { createReferralFixture, referralDeps, referralTestConfig, type ReferralFixture } from '../../../test/support/referrals.ts';
import { skipReason } from '../../../test/support/requirements.ts';
import type { Actor } from '../auth/index.ts';
import { sendReferral, transitionReferral } from './referrals.service.ts';
import { sendFollowUpReminders } from './referrals.jobs.ts';

const noPostgres = skipReason('PostgreSQL', Boolean(process.env.TEST_DATABASE_URL), 'TEST_DATABASE_URL is not set');

/** A Db whose transactions kill their own connection right after the statement matching `killAfter`. */
function faultyDb(db: Db, killAfter: () => string | undefined): Db {
  return {
    ...db,
    transaction: <T>(work: (tx: Transaction) => Promise<T>) =>
      db.transaction(async (tx) => {
        const wrapped: Transaction = {
          ...tx,
          query: async <R>(sql: string, params?: readonly unknown[]) => {
            const rows = await tx.query<R>(sql, params);
            const marker = killAfter();
            if (marker && sql.includes(marker)) {
              const [backend] = await tx.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
              await db.query('SELECT pg_terminate_backend($1)', [backend!.pid]);
              await new Promise((resolve) => setTimeout(resolve, 50));
            }
            return rows;
          },
        };
        return work(wrapped);
      }),
  };
}

describe.skipIf(noPostgres !== undefined)(`referral faults and instances [postgres${noPostgres ? ` ${noPostgres}` : ''}]`, () => {
  let test: TestDatabase;
  let fixture: ReferralFixture;
  let marker: string | undefined;
  const now = new Date('2026-11-28T10:00:00Z');
  const config = referralTestConfig();
  const actor = (user: { id: string; name: string; roles: Actor['roles'] }): Actor => ({ userId: user.id, name: user.name, roles: user.roles });

  beforeAll(async () => {
    test = await createTestDatabase('postgres');
    fixture = await createReferralFixture(test.db, 'x');
  });
  afterAll(async () => test.drop());

  const statements = ['UPDATE services SET open_places = open_places - 1', 'UPDATE referrals SET status', 'INSERT INTO referral_events', 'INSERT INTO referral_access_log', 'INSERT INTO audit_events', 'INSERT INTO outbox_messages'];

  it.each(statements)('a connection killed after "%s" leaves the referral as it was; a retry succeeds', async (statement) => {
    await test.db.query(`UPDATE services SET open_places = 1 WHERE id = $1`, [fixture.services.seniorGym]);
    const deps = referralDeps(test.db, config, () => now);
    const id = await sendReferral(deps, actor(fixture.professional), { sessionId: fixture.sessionId, serviceId: fixture.services.seniorGym, name: 'Testi Henkilö', phone: '0401234567', email: '', clientLanguage: 'fi', needCodes: [], note: '', consent: true, consentGivenBy: 'client' });
    const faulty = { ...deps, db: faultyDb(test.db, () => marker) };
    marker = statement;
    const outcome = await transitionReferral(faulty, actor(fixture.provider), id, { to: 'accepted' }).then(
      () => 'success',
      (error: unknown) => error,
    );
    marker = undefined;
    const state = async () => ({
      status: (await test.db.query<{ status: string; holds_place: boolean }>(`SELECT status, holds_place FROM referrals WHERE id = $1`, [id]))[0],
      places: (await test.db.query<{ open_places: number }>(`SELECT open_places FROM services WHERE id = $1`, [fixture.services.seniorGym]))[0]!.open_places,
      events: (await test.db.query(`SELECT 1 FROM referral_events WHERE referral_id = $1`, [id])).length,
      updates: (await test.db.query(`SELECT 1 FROM referral_access_log WHERE referral_id = $1 AND action = 'update'`, [id])).length,
    });
    if (outcome === 'success') {
      expect(await state()).toEqual({ status: { status: 'accepted', holds_place: true }, places: 0, events: 2, updates: 1 });
    } else {
      expect(outcome).toBeInstanceOf(Error);
      expect(await state()).toEqual({ status: { status: 'requested', holds_place: false }, places: 1, events: 1, updates: 0 });
      await transitionReferral(deps, actor(fixture.provider), id, { to: 'accepted' });
      expect(await state()).toEqual({ status: { status: 'accepted', holds_place: true }, places: 0, events: 2, updates: 1 });
    }
  });

  it('survives idle connections being killed, and serves the next request', async () => {
    await test.db.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'tarjotin'`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    let rows: unknown[] = [];
    for (let attempt = 0; attempt < 3 && rows.length === 0; attempt++) rows = await test.db.query('SELECT 1 AS one').catch(() => []);
    expect(rows).toEqual([{ one: 1 }]);
  });

  it('two instances claiming due reminders at once send each reminder once', async () => {
    const deps = referralDeps(test.db, config, () => now);
    for (let i = 0; i < 6; i++) {
      await sendReferral(deps, actor(fixture.professional), { sessionId: fixture.sessionId, serviceId: fixture.services.livingRoom, name: 'Testi Henkilö', phone: '', email: 'testi@example.fi', clientLanguage: 'fi', needCodes: [], note: '', consent: true, consentGivenBy: 'client' });
    }
    const later = referralDeps(test.db, config, () => new Date('2027-06-01T10:00:00Z'));
    const [a, b] = await Promise.all([sendFollowUpReminders(later, { limit: 4 }), sendFollowUpReminders(later, { limit: 4 })]);
    const due = (await test.db.query(`SELECT 1 FROM referral_follow_ups`)).length;
    const rest = await sendFollowUpReminders(later, { limit: 100 });
    expect(a + b + rest).toBe(due);
    const messages = await test.db.query<{ count: number }>(`SELECT count(*)::int AS count FROM outbox_messages WHERE purpose = 'referrals.follow_up'`);
    expect(messages[0]!.count).toBe(due);
  });
});
