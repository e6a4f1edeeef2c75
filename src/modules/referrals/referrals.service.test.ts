/** Referral use cases on both databases: sending, the workflow with places, consent, follow-up, retention, keys. */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../../test/support/db.ts';
import { createReferralFixture, referralDeps, referralTestConfig, type ReferralFixture } from '../../../test/support/referrals.ts';
import type { Actor } from '../auth/index.ts';
import type { Config } from '../../config.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { getReferral, listReferrals, recordFollowUp, sendReferral, transitionReferral, withdrawConsent } from './referrals.service.ts';
import { purgeExpiredReferralData, rotateReferralKeys, sendFollowUpReminders } from './referrals.jobs.ts';
import { exportPersonAccessLog, readAccessLog, referralStatisticsFor } from './referrals.access.service.ts';

const person = { name: 'Maija Meikäläinen', phone: '040 765 4321', email: 'maija.meikalainen@example.fi', note: 'Tulee mielellään aamuisin.' };

describeEachBackend('referrals', (backend) => {
  let test: TestDatabase;
  let fixture: ReferralFixture;
  let config: Config;
  let now = new Date('2026-11-28T10:00:00Z');
  const clock = () => now;
  const deps = () => referralDeps(test.db, config, clock);
  const actor = (user: { id: string; name: string; roles: Actor['roles'] }): Actor => ({ userId: user.id, name: user.name, roles: user.roles });
  const send = (serviceId: string, extra: Partial<typeof person> = {}) =>
    sendReferral(deps(), actor(fixture.professional), {
      sessionId: fixture.sessionId,
      serviceId,
      ...person,
      ...extra,
      clientLanguage: 'fi',
      needCodes: ['loneliness'],
      consent: true,
      consentGivenBy: 'client',
    });
  const places = async (serviceId: string) => (await test.db.query<{ open_places: number | null }>(`SELECT open_places FROM services WHERE id = $1`, [serviceId]))[0]!.open_places;

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    config = referralTestConfig();
    fixture = await createReferralFixture(test.db);
  });
  afterAll(async () => test.drop());

  it('sends a referral with consent: personal data encrypted at rest, baseline copied, provider told without personal data', async () => {
    const id = await send(fixture.services.seniorGym);
    const text = (await test.db.query<{ row: string }>(`SELECT to_jsonb(r)::text AS row FROM referrals r WHERE id = $1`, [id]))[0]!.row;
    for (const value of Object.values(person)) expect(text).not.toContain(value);
    expect(text).toContain('"personal_key_id": "k1"');
    const detail = await getReferral(deps(), actor(fixture.professional), id);
    expect(detail.person).toEqual(person);
    expect(detail.status).toBe('requested');
    expect(detail.consents).toEqual([expect.objectContaining({ givenBy: 'client', givenToOrganisationId: fixture.otherOrganisation.id, purpose: 'referral', withdrawnAt: null })]);
    expect(detail.events.map((e) => [e.fromStatus, e.toStatus, e.actorRole])).toEqual([[null, 'requested', 'referrer']]);
    expect(detail.answers.filter((a) => a.phase === 'initial')).toHaveLength(4);
    expect(detail.followUp?.dueAt.toISOString()).toBe('2027-02-26T10:00:00.000Z');
    const messages = await test.db.query<{ recipient: string; subject: string; body: string; purpose: string }>(`SELECT recipient, subject, body, purpose FROM outbox_messages WHERE reference_id = $1`, [id]);
    expect(messages).toEqual([expect.objectContaining({ recipient: 'toiminta@example.org', purpose: 'referrals.new' })]);
    for (const value of Object.values(person)) expect(messages[0]!.body + messages[0]!.subject).not.toContain(value);
    // No language is known for an organisation: the message is in Finnish, Swedish and English.
    expect(messages[0]!.subject).toMatch(/^Uusi hyvinvointilähete: .+ \| Ny välmåenderemiss: .+ \| New well-being referral: .+$/);
    for (const language of ['fi', 'sv', 'en']) expect(messages[0]!.body).toContain(`/${language}/referrals/${id}`);
    const log = await test.db.query<{ action: string; actor_user_id: string }>(`SELECT action, actor_user_id FROM referral_access_log WHERE referral_id = $1 ORDER BY id`, [id]);
    expect(log.map((l) => l.action)).toEqual(['create', 'read']);
  });

  it('refuses without consent, without contact, and to an activity that takes no referrals', async () => {
    await expect(send(fixture.services.seniorGym, { phone: '', email: '' })).rejects.toThrow(ValidationError);
    const error = await sendReferral(deps(), actor(fixture.professional), { sessionId: fixture.sessionId, serviceId: fixture.services.debtAdvice, ...person, clientLanguage: 'fi', needCodes: [], consent: false, consentGivenBy: 'client' }).catch((e: unknown) => e);
    expect((error as ValidationError).fields).toMatchObject({ consent: 'referrals.error.consent', serviceId: 'referrals.error.noReferrals' });
    await expect(sendReferral(deps(), actor(fixture.otherProfessional), { sessionId: fixture.sessionId, serviceId: fixture.services.seniorGym, ...person, clientLanguage: 'fi', needCodes: [], consent: true, consentGivenBy: 'client' })).rejects.toThrow(NotFoundError);
  });

  it('runs the workflow: accept takes the place, complete gives it back; every step is an event; others see nothing', async () => {
    await test.db.query(`UPDATE services SET open_places = 1 WHERE id = $1`, [fixture.services.seniorGym]);
    const id = await send(fixture.services.seniorGym);
    await expect(transitionReferral(deps(), actor(fixture.otherProvider), id, { to: 'accepted' })).rejects.toThrow(NotFoundError);
    await expect(getReferral(deps(), actor(fixture.otherProvider), id)).rejects.toThrow(NotFoundError);
    await expect(getReferral(deps(), actor(fixture.otherProfessional), id)).rejects.toThrow(NotFoundError);
    await expect(transitionReferral(deps(), actor(fixture.professional), id, { to: 'accepted' })).rejects.toThrow(ConflictError);
    await expect(transitionReferral(deps(), actor(fixture.provider), id, { to: 'rejected' })).rejects.toThrow(ValidationError);
    await transitionReferral(deps(), actor(fixture.provider), id, { to: 'accepted' });
    expect(await places(fixture.services.seniorGym)).toBe(0);
    await transitionReferral(deps(), actor(fixture.provider), id, { to: 'in-progress' });
    await transitionReferral(deps(), actor(fixture.provider), id, { to: 'completed' });
    expect(await places(fixture.services.seniorGym)).toBe(1);
    const detail = await getReferral(deps(), actor(fixture.provider), id);
    expect(detail.events.map((e) => `${e.toStatus}:${e.actorRole}`)).toEqual(['requested:referrer', 'accepted:provider', 'in-progress:provider', 'completed:provider']);
    expect(detail.closedAt).toEqual(now);
    expect((await listReferrals(deps(), actor(fixture.provider), { as: 'provider', view: 'closed' })).map((r) => r.id)).toContain(id);
    expect((await listReferrals(deps(), actor(fixture.otherProvider), { as: 'provider', view: 'all' })).map((r) => r.id)).not.toContain(id);
    expect((await listReferrals(deps(), actor(fixture.otherProfessional), { as: 'referrer', view: 'all' })).map((r) => r.id)).not.toContain(id);
    expect((await listReferrals(deps(), actor(fixture.coordinator), { as: 'coordinator', view: 'all' })).map((r) => r.id)).toContain(id);
  });

  it('two simultaneous accepts of the last place: exactly one succeeds, the other gets a conflict, never below zero', async () => {
    await test.db.query(`UPDATE services SET open_places = 1 WHERE id = $1`, [fixture.services.seniorGym]);
    const a = await send(fixture.services.seniorGym);
    const b = await send(fixture.services.seniorGym);
    const results = await Promise.allSettled([a, b].map((id) => transitionReferral(deps(), actor(fixture.provider), id, { to: 'accepted' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(ConflictError);
    expect(await places(fixture.services.seniorGym)).toBe(0);
    const statuses = await test.db.query<{ status: string }>(`SELECT status FROM referrals WHERE id = ANY($1::uuid[]) ORDER BY status`, [[a, b]]);
    expect(statuses.map((s) => s.status)).toEqual(['accepted', 'requested']);
    // eight accepts at once for three places: exactly three succeed
    await test.db.query(`UPDATE services SET open_places = 3 WHERE id = $1`, [fixture.services.seniorGym]);
    const many: string[] = [];
    for (let i = 0; i < 8; i++) many.push(await send(fixture.services.seniorGym));
    const crowd = await Promise.allSettled(many.map((id) => transitionReferral(deps(), actor(fixture.provider), id, { to: 'accepted' })));
    expect(crowd.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(crowd.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError)).toHaveLength(5);
    expect(await places(fixture.services.seniorGym)).toBe(0);
    // the same referral accepted twice at once: one wins, one place taken
    await test.db.query(`UPDATE services SET open_places = 3 WHERE id = $1`, [fixture.services.seniorGym]);
    const c = await send(fixture.services.seniorGym);
    const twice = await Promise.allSettled([1, 2].map(() => transitionReferral(deps(), actor(fixture.provider), c, { to: 'accepted' })));
    expect(twice.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await places(fixture.services.seniorGym)).toBe(2);
  });

  it('withdrawn consent cancels the referral, gives the place back and deletes the personal data', async () => {
    await test.db.query(`UPDATE services SET open_places = 1 WHERE id = $1`, [fixture.services.seniorGym]);
    const id = await send(fixture.services.seniorGym);
    await transitionReferral(deps(), actor(fixture.provider), id, { to: 'accepted' });
    await withdrawConsent(deps(), actor(fixture.professional), id);
    const detail = await getReferral(deps(), actor(fixture.professional), id);
    expect(detail.status).toBe('cancelled');
    expect(detail.statusReason).toBe('consent-withdrawn');
    expect(detail.person).toBeUndefined();
    expect(detail.consents[0]!.withdrawnAt).toEqual(now);
    expect(await places(fixture.services.seniorGym)).toBe(1);
  });

  it('reminds the referrer once when the follow-up is due, and records the outcome next to the baseline', async () => {
    const id = await send(fixture.services.livingRoom);
    now = new Date('2027-03-01T10:00:00Z');
    try {
      const reminded = await sendFollowUpReminders(deps());
      expect(reminded).toBeGreaterThanOrEqual(1);
      expect(await sendFollowUpReminders(deps())).toBe(0);
      const reminders = await test.db.query<{ recipient: string; body: string }>(`SELECT recipient, body FROM outbox_messages WHERE reference_id = $1 AND purpose = 'referrals.follow_up'`, [id]);
      expect(reminders).toEqual([expect.objectContaining({ recipient: 'paula@example.org' })]);
      expect(reminders[0]!.body).toContain(`/referrals/${id}/follow-up`);
      expect((await listReferrals(deps(), actor(fixture.professional), { as: 'referrer', view: 'follow-up' })).map((r) => r.id)).toContain(id);
      const { loadInstruments } = await import('../guidance/index.ts');
      const instrument = loadInstruments(config.instrumentsDir).find((i) => i.id === 'ons4');
      await expect(recordFollowUp(deps(), actor(fixture.provider), id, { outcome: 'attended', instrument, answers: {} })).rejects.toThrow(NotFoundError);
      await recordFollowUp(deps(), actor(fixture.professional), id, { outcome: 'attending', instrument, answers: { life_satisfaction: '7', worthwhile: '8' } });
      const detail = await getReferral(deps(), actor(fixture.professional), id);
      expect(detail.followUp?.outcome).toBe('attending');
      expect(detail.answers.filter((a) => a.itemId === 'life_satisfaction').map((a) => [a.phase, a.value])).toEqual([['follow_up', 7], ['initial', 4]]);
      await expect(recordFollowUp(deps(), actor(fixture.professional), id, { outcome: 'attending', instrument, answers: {} })).rejects.toThrow(ConflictError);
    } finally {
      now = new Date('2026-11-28T10:00:00Z');
    }
  });

  it('coordinator exports one person\'s access log by e-mail; others may not', async () => {
    const email = `henkilo-${randomBytes(3).toString('hex')}@example.fi`;
    const id = await send(fixture.services.livingRoom, { email: email.toUpperCase() });
    await getReferral(deps(), actor(fixture.provider), id);
    const result = await exportPersonAccessLog(deps(), actor(fixture.coordinator), { email, phone: '' });
    expect(result.referralIds).toEqual([id]);
    expect(result.entries.map((e) => e.action)).toEqual(['create', 'read']);
    expect(result.entries[1]!.actorUserId).toBe(fixture.provider.id);
    const log = await readAccessLog(deps(), actor(fixture.coordinator), { referralId: id });
    expect(log[0]!.action).toBe('export');
    await expect(readAccessLog(deps(), actor(fixture.provider))).rejects.toThrow();
  });

  it('retention: after the period personal fields are gone, statistics and the access log stay', async () => {
    const id = await send(fixture.services.livingRoom);
    await transitionReferral(deps(), actor(fixture.provider), id, { to: 'rejected', reason: 'not-suitable' });
    const before = await referralStatisticsFor(deps(), actor(fixture.coordinator));
    now = new Date('2027-11-27T10:00:00Z');
    try {
      expect(await purgeExpiredReferralData(deps())).toBe(0);
      now = new Date('2027-11-29T10:00:00Z');
      expect(await purgeExpiredReferralData(deps())).toBeGreaterThanOrEqual(1);
      const row = (await test.db.query<Record<string, unknown>>(`SELECT personal_data, personal_key_id, email_lookup, phone_lookup, status, need_codes, service_id FROM referrals WHERE id = $1`, [id]))[0]!;
      expect(row).toMatchObject({ personal_data: null, personal_key_id: null, email_lookup: null, phone_lookup: null, status: 'rejected', need_codes: ['loneliness'] });
      expect(await referralStatisticsFor(deps(), actor(fixture.coordinator))).toEqual(before);
      const detail = await getReferral(deps(), actor(fixture.coordinator), id);
      expect(detail.person).toBeUndefined();
      expect(detail.personalDataDeletedAt).toEqual(now);
      expect(detail.events).toHaveLength(2);
      const log = await test.db.query<Record<string, unknown>>(`SELECT to_jsonb(l)::text AS row, action FROM referral_access_log l WHERE referral_id = $1 ORDER BY id`, [id]);
      expect(log.map((l) => l.action)).toEqual(['create', 'update', 'delete']);
      for (const value of Object.values(person)) expect(JSON.stringify(log)).not.toContain(value);
      await expect(test.db.query(`DELETE FROM referral_access_log WHERE referral_id = $1`, [id])).rejects.toThrow(/append-only/);
    } finally {
      now = new Date('2026-11-28T10:00:00Z');
    }
  });

  it('rotates keys: rows move to the new active key and still decrypt', async () => {
    const id = await send(fixture.services.livingRoom);
    const newKey = `k2:${randomBytes(32).toString('base64')}`;
    config = { ...config, referralEncryptionKeys: `${newKey},${config.referralEncryptionKeys!}` };
    const count = await rotateReferralKeys(deps());
    expect(count).toBeGreaterThanOrEqual(1);
    const keyIds = await test.db.query<{ personal_key_id: string }>(`SELECT DISTINCT personal_key_id FROM referrals WHERE personal_key_id IS NOT NULL`);
    expect(keyIds.map((k) => k.personal_key_id)).toEqual(['k2']);
    expect((await getReferral(deps(), actor(fixture.professional), id)).person?.name).toBe(person.name);
  });
});

describe('referral keys in configuration', () => {
  it('reports malformed keys naming the variable', async () => {
    const { loadConfig } = await import('../../config.ts');
    expect(() => loadConfig({ REFERRAL_ENCRYPTION_KEYS: 'k1:dG9vLXNob3J0' })).toThrow(/REFERRAL_ENCRYPTION_KEYS: key k1 must be 32 bytes/);
    expect(loadConfig({}).referralFollowUpDays).toBe(90);
    expect(loadConfig({}).referralRetentionMonths).toBe(12);
  });
});
