import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../../test/support/db.ts';
import { readAuditEvents, recordAudit } from './index.ts';

describeEachBackend('audit log', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
  });
  afterAll(async () => {
    await test.drop();
  });

  const at = new Date('2026-11-28T10:00:00Z');

  it('records an event inside the transaction of the change and lists the latest first', async () => {
    await test.db.transaction(async (tx) => {
      await recordAudit(tx, { at, actorUserId: null, action: 'test.thing.created', subjectType: 'thing', subjectId: 'a' });
      await recordAudit(tx, { at, actorUserId: null, action: 'test.thing.updated', subjectType: 'thing', subjectId: 'a', details: { fields: ['status'] } });
    });
    const events = await readAuditEvents(test.db, { subjectType: 'thing', subjectId: 'a', limit: 10 });
    expect(events.map((e) => e.action)).toEqual(['test.thing.updated', 'test.thing.created']);
    expect(events[0]!.details).toEqual({ fields: ['status'] });
  });

  it('loses the event when the change is rolled back', async () => {
    await expect(
      test.db.transaction(async (tx) => {
        await recordAudit(tx, { at, actorUserId: null, action: 'test.thing.created', subjectType: 'thing', subjectId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await readAuditEvents(test.db, { subjectId: 'rolled-back', limit: 10 })).toEqual([]);
  });

  it('refuses to update, delete or truncate events in the database itself', async () => {
    await recordAudit(test.db, { at, actorUserId: null, action: 'test.thing.created', subjectType: 'thing', subjectId: 'kept' });
    await expect(test.db.query(`UPDATE audit_events SET action = 'test.thing.forged' WHERE subject_id = 'kept'`)).rejects.toThrow(/append-only/);
    await expect(test.db.query(`DELETE FROM audit_events WHERE subject_id = 'kept'`)).rejects.toThrow(/append-only/);
    await expect(test.db.exec('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
    expect(await readAuditEvents(test.db, { subjectId: 'kept', limit: 10 })).toHaveLength(1);
  });

  it('refuses details that would hold personal data', async () => {
    await expect(
      recordAudit(test.db, { at, actorUserId: null, action: 'test.thing.created', subjectType: 'thing', details: { email: 'someone@example.org' } }),
    ).rejects.toThrow(/personal data/);
  });
});
