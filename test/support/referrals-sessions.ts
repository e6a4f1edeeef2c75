/** Guidance sessions for referral tests, with a stored ONS4 baseline on the first. */
import type { Db } from '../../src/db/index.ts';
import { newId } from '../../src/platform/ids.ts';
import type { GuidanceFixture } from './guidance.ts';

export async function sessionsForTest(db: Db, base: GuidanceFixture): Promise<{ sessionId: string; otherSessionId: string }> {
  const now = new Date('2026-11-28T09:00:00Z');
  const insert = async (organisationId: string, userId: string) => {
    const id = newId();
    await db.query(
      `INSERT INTO guidance_sessions (id, organisation_id, region_code, created_by, client_language, need_areas, created_at, updated_at) VALUES ($1, $2, '08', $3, 'fi', '{loneliness}', $4, $4)`,
      [id, organisationId, userId, now],
    );
    return id;
  };
  const sessionId = await insert(base.organisation.id, base.professional.id);
  const otherSessionId = await insert(base.otherOrganisation.id, base.otherProfessional.id);
  const checkId = newId();
  await db.query(`INSERT INTO guidance_checks (id, session_id, instrument_id, instrument_version, phase, recorded_at) VALUES ($1, $2, 'ons4', 1, 'initial', $3)`, [checkId, sessionId, now]);
  for (const [item, value] of [['life_satisfaction', 4], ['worthwhile', 5], ['happy_yesterday', 3], ['anxious_yesterday', 7]] as const) {
    await db.query(`INSERT INTO guidance_check_answers (check_id, item_id, value) VALUES ($1, $2, $3)`, [checkId, item, value]);
  }
  return { sessionId, otherSessionId };
}
