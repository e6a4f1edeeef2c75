import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, testConfig, type TestDatabase } from '../../../test/support/db.ts';
import { createService, organisationRecord } from '../../../test/support/factories.ts';
import { createUser } from '../../../test/support/users.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { getPublicService, listPublicServices, upsertOrganisations } from '../catalog/index.ts';
import { confirmReviewed } from './editor.service.ts';
import { moderationQueue } from './moderation.service.ts';
import { runReviewReminders } from './reminders.service.ts';
import { reindexServices, searchServices } from '../search/index.ts';

describeEachBackend('review reminders', (backend) => {
  let test: TestDatabase;
  let now = new Date('2026-01-15T09:00:00Z');
  let deps: Deps;
  const org = organisationRecord({ regionCode: '08' });

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    // A controllable clock: the tests move it forward.
    deps = { config: testConfig({ REVIEW_REMINDER_MONTHS: '6', REVIEW_OUT_OF_DATE_MONTHS: '9', REVIEW_HIDE_AFTER_MONTHS: '12' }), db: test.db, clock: () => now };
    await upsertOrganisations(test.db, [org]);
    await createUser(test.db, { roles: [{ role: 'provider', organisationId: org.id, regionCode: '08' }], email: 'tuottaja@example.org' });
    await createUser(test.db, { roles: [{ role: 'provider', organisationId: org.id, regionCode: '08' }], email: null });
  });
  afterAll(() => test?.drop());

  const outbox = () =>
    test.db.query<{ recipient: string | null; subject: string; purpose: string; reference_id: string }>(
      `SELECT recipient, subject, purpose, reference_id FROM outbox_messages WHERE purpose = 'providers.review_reminder' ORDER BY created_at, id`,
    );

  it('reminds the provider once, then marks the listing "may be out of date", then hides it from residents; reviewing restores it', async () => {
    const { service } = await createService(test.db, { organisation: org, service: { name: { fi: 'Muistutettava kävelyryhmä' }, lastReviewedAt: new Date('2026-01-10T09:00:00Z') } });
    await reindexServices(test.db, [service.id]);
    const found = async () => (await searchServices(deps, { text: 'muistutettava', lang: 'fi' })).items.some((i) => i.id === service.id);
    expect(await found()).toBe(true);
    const { service: imported } = await createService(test.db, { organisation: org, service: { lastReviewedAt: null, provenance: { source: 'ptv', sourceId: `x-${newId()}`, sourceModified: null, payloadHash: null } } });

    expect((await runReviewReminders(deps)).remindersQueued).toBe(0);

    now = new Date('2026-07-11T09:00:00Z'); // six months and a day
    const first = await runReviewReminders(deps);
    expect(first).toMatchObject({ remindersQueued: 1, changed: { reminded: 1 } });
    expect(await outbox()).toEqual([expect.objectContaining({ recipient: 'tuottaja@example.org', reference_id: service.id })]);
    expect((await outbox())[0]!.subject).toContain('Tarkista toimintosi tiedot');
    // A second run (another instance, or the next hour) sends nothing more.
    expect((await runReviewReminders(deps)).remindersQueued).toBe(0);
    expect((await getPublicService(deps, service.id)).mayBeOutOfDate).toBe(false);

    now = new Date('2026-10-11T09:00:00Z'); // nine months
    expect(await runReviewReminders(deps)).toMatchObject({ remindersQueued: 1, changed: { out_of_date: 1 } });
    expect((await getPublicService(deps, service.id)).mayBeOutOfDate).toBe(true);

    now = new Date('2027-01-11T09:00:00Z'); // twelve months
    expect(await runReviewReminders(deps)).toMatchObject({ changed: { hidden: 1 } });
    await expect(getPublicService(deps, service.id)).rejects.toThrow(/not found/);
    expect(await found()).toBe(false);
    expect((await listPublicServices(deps, { organisationId: org.id }, { page: 1, pageSize: 50 })).items.map((i) => i.id)).toEqual([imported.id]);
    // ... but the coordinator sees it.
    const coordinator = { userId: newId(), name: 'K', roles: [{ role: 'coordinator' as const, organisationId: null, regionCode: '08' }] };
    expect((await moderationQueue(deps, coordinator)).stale.map((s) => [s.id, s.review_state])).toEqual([[service.id, 'hidden']]);

    const provider = { userId: newId(), name: 'P', roles: [{ role: 'provider' as const, organisationId: org.id, regionCode: '08' }] };
    await confirmReviewed(deps, provider, service.id);
    expect((await getPublicService(deps, service.id)).mayBeOutOfDate).toBe(false);
    expect(await found()).toBe(true);
    expect(await runReviewReminders(deps)).toMatchObject({ remindersQueued: 0 });
    // An imported record without a review date is never reminded.
    expect((await outbox()).every((m) => m.reference_id === service.id)).toBe(true);
  });
});
