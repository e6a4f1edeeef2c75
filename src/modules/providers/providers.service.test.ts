import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, testDeps, type TestDatabase } from '../../../test/support/db.ts';
import { createService, organisationRecord } from '../../../test/support/factories.ts';
import { importPtvActivity } from '../../../test/support/ptv-stand-in.ts';
import type { Deps } from '../../platform/deps.ts';
import { newId } from '../../platform/ids.ts';
import { ensurePostalCodes, getPublicService, upsertOrganisations } from '../catalog/index.ts';
import type { Actor } from '../auth/index.ts';
import { activityHistory, listMyActivities, openEditor, saveDraft, setActivityStatus, startActivity, submitActivity } from './editor.service.ts';
import { decideChange, decideClaimRequest, decideConflict, decideReport, moderationQueue, requestClaim, setModerationPolicy } from './moderation.service.ts';

const provider = (organisationId: string, regionCode = '08'): Actor => ({ userId: newId(), name: 'P', roles: [{ role: 'provider', organisationId, regionCode }] });
const coordinator = (regionCode: string): Actor => ({ userId: newId(), name: 'K', roles: [{ role: 'coordinator', organisationId: null, regionCode }] });

export const validForm = {
  name_fi: 'Tuolijumppa',
  name_sv: 'Stolgymnastik',
  summary_fi: 'Kevyttä jumppaa tuolilla istuen.',
  summary_sv: 'Lätt gymnastik sittande på en stol.',
  themes: ['exercise'],
  target_groups: ['older_people'],
  languages: ['fi', 'sv'],
  cost_type: 'free',
  location_street: 'Hämeenkatu 1',
  location_postal_code: '33100',
  weekly_0_days: ['1', '3'],
  weekly_0_opens: '10:00',
  weekly_0_closes: '11.00',
  valid_from: '2026-09-01',
  valid_to: '2027-05-31',
};

describeEachBackend('provider self-service and moderation', (backend) => {
  let test: TestDatabase;
  let deps: Deps;
  const org = organisationRecord({ regionCode: '08' });
  const otherOrg = organisationRecord({ regionCode: '08' });
  const orgInOtherRegion = organisationRecord({ regionCode: '06', municipalityCode: '091' });

  beforeAll(async () => {
    test = await createTestDatabase(backend);
    deps = testDeps(test.db);
    await ensurePostalCodes(test.db);
    await upsertOrganisations(test.db, [org, otherOrg, orgInOtherRegion]);
  });
  afterAll(() => test?.drop());

  it('a new activity waits in moderation, then the coordinator approves it and residents see it', async () => {
    const me = provider(org.id);
    const id = await startActivity(deps, me, org.id);
    await saveDraft(deps, me, id, { name_fi: 'Keskeneräinen' });
    expect((await openEditor(deps, me, id)).values.name_fi).toBe('Keskeneräinen');
    expect(await submitActivity(deps, me, id, validForm)).toBe('pending');
    // An autosave of the same values leaves it waiting; a changed one takes it back to a draft.
    await saveDraft(deps, me, id, validForm);
    expect((await openEditor(deps, me, id)).openStatus).toBe('pending');
    await expect(getPublicService(deps, id)).rejects.toThrow(/not found/);
    const queue = await moderationQueue(deps, coordinator('08'));
    const change = queue.changes.find((c) => c.service_id === id)!;
    expect(change.kind).toBe('create');
    expect(change.diff.name_sv).toEqual({ before: null, after: 'Stolgymnastik' });
    await decideChange(deps, coordinator('08'), change.id, 'approved', null);
    const published = await getPublicService(deps, id);
    expect(published.name).toEqual({ fi: 'Tuolijumppa', sv: 'Stolgymnastik' });
    expect(published.schedules[0]).toMatchObject({ kind: 'weekly', weekdays: [1, 3], opens: '10:00', closes: '11:00', validFrom: '2026-09-01' });
    expect(published.locations[0]).toMatchObject({ municipality: '837', postalCode: '33100' });
    expect(published.locations[0]!.latitude).toBeGreaterThan(61);
    const history = await activityHistory(deps, coordinator('08'), id);
    expect(history.changes.map((c) => c.action)).toEqual(expect.arrayContaining(['created', 'submitted', 'published']));
    const audit = await test.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE details->>'serviceId' = $1 OR subject_id = $1`, [id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['providers.activity.submitted', 'providers.moderation.change_request.approved']));
  });

  it('validation errors name the fields with message keys', async () => {
    const me = provider(org.id);
    const id = await startActivity(deps, me, org.id);
    const error = await submitActivity(deps, me, id, { ...validForm, themes: ['astrology'], weekly_0_opens: '25:00', valid_from: '2026-02-30', location_postal_code: '00001' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ fields: { themes: 'providers.error.unknownTheme', weekly_0_opens: 'providers.error.time', valid_from: 'providers.error.date' } });
    // the invalid version stays as the draft
    expect((await openEditor(deps, me, id)).values.weekly_0_opens).toBe('25:00');
  });

  it('a returned change carries the comment back to the provider; region policy "none" publishes at once', async () => {
    const me = provider(org.id);
    const { service } = await createService(test.db, { organisation: org, service: { name: { fi: 'Vanha nimi' }, lastReviewedAt: new Date('2026-01-01T00:00:00Z') } });
    await submitActivity(deps, me, service.id, { ...(await openEditor(deps, me, service.id)).values, name_fi: 'Uusi nimi', summary_fi: 'Uusi.' });
    const change = (await moderationQueue(deps, coordinator('08'))).changes.find((c) => c.service_id === service.id)!;
    expect(Object.keys(change.diff).sort()).toEqual(['name_fi', 'summary_fi']);
    await decideChange(deps, coordinator('08'), change.id, 'returned', 'Lisää kuvaus ruotsiksi');
    expect((await getPublicService(deps, service.id)).name.fi).toBe('Vanha nimi');
    const editor = await openEditor(deps, me, service.id);
    expect(editor).toMatchObject({ openStatus: 'returned', returnComment: 'Lisää kuvaus ruotsiksi' });

    await setModerationPolicy(deps, coordinator('08'), '08', 'none');
    expect(await submitActivity(deps, me, service.id, editor.values)).toBe('published');
    expect((await getPublicService(deps, service.id)).name.fi).toBe('Uusi nimi');
    await setModerationPolicy(deps, coordinator('08'), '08', 'all');
  });

  it("residents' error reports land in the same queue; closing one erases the reporter's contact and is audited", async () => {
    const { service } = await createService(test.db, { organisation: org });
    const reportId = newId();
    await test.db.query(
      `INSERT INTO listing_reports (id, service_id, category, message, language, reporter_email) VALUES ($1, $2, 'time', 'Ryhmä on siirtynyt tiistaille.', 'fi', 'asukas@example.org')`,
      [reportId, service.id],
    );
    expect((await moderationQueue(deps, coordinator('06'))).reports.some((r) => r.id === reportId)).toBe(false);
    expect((await moderationQueue(deps, coordinator('08'))).reports.map((r) => r.id)).toContain(reportId);
    await expect(decideReport(deps, coordinator('06'), reportId, 'resolved', null)).rejects.toThrow(/not found/);
    await decideReport(deps, coordinator('08'), reportId, 'resolved', 'Aika korjattu');
    const [row] = await test.db.query<{ status: string; reporter_email: string | null }>('SELECT status, reporter_email FROM listing_reports WHERE id = $1', [reportId]);
    expect(row).toEqual({ status: 'resolved', reporter_email: null });
    const audit = await test.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE subject_id = $1`, [reportId]);
    expect(audit.map((a) => a.action)).toEqual(['providers.moderation.listing_report.resolved']);
    expect((await moderationQueue(deps, coordinator('08'))).reports.some((r) => r.id === reportId)).toBe(false);
  });

  it('an approved claim of an imported organisation lets the claimant maintain all its activities', async () => {
    const imported = await importPtvActivity(test.db, { ptvServiceId: `ptv-${newId()}` });
    const me = provider(otherOrg.id);
    await expect(openEditor(deps, me, imported.service.id)).rejects.toThrow(/not found/);
    await requestClaim(deps, me, { entity: 'organisation', entityId: imported.organisation.id, claimantOrganisationId: otherOrg.id, reason: null });
    const claim = (await moderationQueue(deps, coordinator('08'))).claims.find((c) => c.entity_id === imported.organisation.id)!;
    await decideClaimRequest(deps, coordinator('08'), claim.id, 'approved', null);
    expect((await openEditor(deps, me, imported.service.id)).values.name_fi).toBe('Kuntosaliryhmä (PTV)');
    expect((await listMyActivities(deps, me)).map((a) => a.id)).toContain(imported.service.id);
    const audit = await test.db.query<{ action: string }>(`SELECT action FROM audit_events WHERE subject_id = $1 OR subject_id = $2 ORDER BY id`, [imported.organisation.id, claim.id]);
    expect(audit.map((a) => a.action)).toEqual(['providers.claim.requested', 'providers.moderation.claim.approved']);
  });

  it('approving an older version changes only the fields the provider edited, not what an import updated meanwhile', async () => {
    const ptvId = `ptv-${newId()}`;
    const imported = await importPtvActivity(test.db, { ptvServiceId: ptvId, organisation: org });
    const me = provider(org.id);
    await requestClaim(deps, me, { entity: 'service', entityId: imported.service.id, claimantOrganisationId: org.id, reason: null });
    const claim = (await moderationQueue(deps, coordinator('08'))).claims.find((c) => c.entity_id === imported.service.id)!;
    await decideClaimRequest(deps, coordinator('08'), claim.id, 'approved', null);
    const values = (await openEditor(deps, me, imported.service.id)).values;
    await submitActivity(deps, me, imported.service.id, { ...values, summary_fi: 'Oma kuvaus.' });
    await importPtvActivity(test.db, { ptvServiceId: ptvId, organisation: org, service: { name: { fi: 'Uusi nimi PTV:stä' }, themes: ['exercise', 'nature'] } });
    const change = (await moderationQueue(deps, coordinator('08'))).changes.find((c) => c.service_id === imported.service.id)!;
    await decideChange(deps, coordinator('08'), change.id, 'approved', null);
    const [row] = await test.db.query<{ name: { fi: string }; summary: { fi: string }; themes: string[] }>('SELECT name, summary, themes FROM services WHERE id = $1', [imported.service.id]);
    expect(row).toEqual({ name: { fi: 'Uusi nimi PTV:stä' }, summary: { fi: 'Oma kuvaus.' }, themes: ['exercise', 'nature'] });
  });

  it('pausing takes an activity out of the tray until it is published again; archiving too; each step is in the history', async () => {
    const me = provider(org.id);
    const { service } = await createService(test.db, { organisation: org });
    await setActivityStatus(deps, me, service.id, 'paused');
    await expect(getPublicService(deps, service.id)).rejects.toThrow(/not found/);
    await setActivityStatus(deps, me, service.id, 'published');
    expect((await getPublicService(deps, service.id)).id).toBe(service.id);
    await setActivityStatus(deps, me, service.id, 'archived');
    await expect(getPublicService(deps, service.id)).rejects.toThrow(/not found/);
    const history = await activityHistory(deps, me, service.id);
    expect(history.changes.map((c) => c.action)).toEqual(['archived', 'published', 'paused']);
  });

  it('a declined claim gives no access and can be asked again', async () => {
    const imported = await importPtvActivity(test.db, { ptvServiceId: `ptv-${newId()}`, organisation: org });
    const me = provider(org.id);
    await requestClaim(deps, me, { entity: 'service', entityId: imported.service.id, claimantOrganisationId: org.id, reason: null });
    const claim = (await moderationQueue(deps, coordinator('08'))).claims.find((c) => c.entity_id === imported.service.id)!;
    await decideClaimRequest(deps, coordinator('08'), claim.id, 'declined', 'Ylläpidetään PTV:ssä');
    await expect(openEditor(deps, me, imported.service.id)).rejects.toThrow(/claim/);
    await expect(decideClaimRequest(deps, coordinator('08'), claim.id, 'approved', null)).rejects.toThrow(/decided/);
    await requestClaim(deps, me, { entity: 'service', entityId: imported.service.id, claimantOrganisationId: org.id, reason: 'Uusi pyyntö' });
  });

  describe('authorisation', () => {
    it('a provider cannot edit, pause or read the history of another organisation\'s activities', async () => {
      const { service } = await createService(test.db, { organisation: otherOrg });
      const stranger = provider(org.id);
      await expect(openEditor(deps, stranger, service.id)).rejects.toThrow(/not found/);
      await expect(saveDraft(deps, stranger, service.id, { name_fi: 'x' })).rejects.toThrow(/not found/);
      await expect(submitActivity(deps, stranger, service.id, validForm)).rejects.toThrow(/not found/);
      await expect(setActivityStatus(deps, stranger, service.id, 'archived')).rejects.toThrow(/not found/);
      await expect(activityHistory(deps, stranger, service.id)).rejects.toThrow(/not found/);
      await expect(startActivity(deps, stranger, otherOrg.id)).rejects.toThrow(/forbidden/);
    });

    it('a coordinator of region A cannot moderate region B', async () => {
      const me = provider(orgInOtherRegion.id, '06');
      const id = await startActivity(deps, me, orgInOtherRegion.id);
      await submitActivity(deps, me, id, { ...validForm, location_postal_code: '00100' });
      const other = coordinator('08');
      expect((await moderationQueue(deps, other)).changes.some((c) => c.service_id === id)).toBe(false);
      const change = (await moderationQueue(deps, coordinator('06'))).changes.find((c) => c.service_id === id)!;
      await expect(decideChange(deps, other, change.id, 'approved', null)).rejects.toThrow(/not found/);
      await expect(setModerationPolicy(deps, other, '06', 'none')).rejects.toThrow(/forbidden/);
      await expect(activityHistory(deps, other, id)).rejects.toThrow(/not found/);
      await decideChange(deps, coordinator('06'), change.id, 'approved', null);
    });
  });

  it('a provider edits a PTV-imported activity after an approved claim: the edit is marked for the importer and provenance is kept', async () => {
    const imported = await importPtvActivity(test.db, { ptvServiceId: `ptv-${newId()}`, organisation: org });
    const me = provider(org.id);
    await expect(openEditor(deps, me, imported.service.id)).rejects.toThrow(/claim/);
    await requestClaim(deps, me, { entity: 'service', entityId: imported.service.id, claimantOrganisationId: org.id, reason: 'Ylläpidämme tätä itse' });
    await expect(requestClaim(deps, me, { entity: 'service', entityId: imported.service.id, claimantOrganisationId: org.id, reason: null })).rejects.toThrow(/already/);
    const claim = (await moderationQueue(deps, coordinator('08'))).claims.find((c) => c.entity_id === imported.service.id)!;
    await expect(decideClaimRequest(deps, coordinator('06'), claim.id, 'approved', null)).rejects.toThrow(/not found/);
    await decideClaimRequest(deps, coordinator('08'), claim.id, 'approved', null);

    const editor = await openEditor(deps, me, imported.service.id);
    await submitActivity(deps, me, imported.service.id, { ...editor.values, summary_fi: 'Paikallisesti muokattu.', weekly_0_days: ['2'], weekly_0_opens: '9:00', weekly_0_closes: '10:00' });
    const change = (await moderationQueue(deps, coordinator('08'))).changes.find((c) => c.service_id === imported.service.id)!;
    await decideChange(deps, coordinator('08'), change.id, 'approved', null);
    const [row] = await test.db.query<{ locally_edited_fields: string[]; source: string; source_id: string; summary: { fi: string } }>(
      'SELECT locally_edited_fields, source, source_id, summary FROM services WHERE id = $1',
      [imported.service.id],
    );
    expect(row).toMatchObject({ source: 'ptv', source_id: imported.service.provenance.sourceId, summary: { fi: 'Paikallisesti muokattu.' } });
    expect(row!.locally_edited_fields).toEqual(['schedules', 'summary']);

    // A later import keeps the review date (upsertServices coalesces it).
    await importPtvActivity(test.db, { ptvServiceId: imported.service.provenance.sourceId!, organisation: org, service: { summary: { fi: 'Tuotu palvelutietovarannosta.' } } });
    const [after] = await test.db.query<{ last_reviewed_at: Date | null }>('SELECT last_reviewed_at FROM services WHERE id = $1', [imported.service.id]);
    expect(after!.last_reviewed_at).not.toBeNull();

    // The importer's conflict lands in the queue; keeping the local value is audited.
    const conflictId = newId();
    await test.db.query(
      `INSERT INTO import_conflicts (id, entity, entity_id, source, source_id, field, local_value, incoming_value) VALUES ($1, 'service', $2, 'ptv', $3, 'summary', $4, $5)`,
      [conflictId, imported.service.id, imported.service.provenance.sourceId, JSON.stringify({ fi: 'Paikallisesti muokattu.' }), JSON.stringify({ fi: 'Uusi PTV-teksti.' })],
    );
    expect((await moderationQueue(deps, coordinator('08'))).conflicts.map((c) => c.id)).toContain(conflictId);
    await decideConflict(deps, coordinator('08'), conflictId, 'accepted_incoming');
    const [accepted] = await test.db.query<{ summary: { fi: string }; locally_edited_fields: string[] }>('SELECT summary, locally_edited_fields FROM services WHERE id = $1', [imported.service.id]);
    expect(accepted).toEqual({ summary: { fi: 'Uusi PTV-teksti.' }, locally_edited_fields: ['schedules'] });
  });
});
