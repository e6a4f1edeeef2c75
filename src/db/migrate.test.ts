import { afterAll, beforeAll, expect, it } from 'vitest';
import { listMigrations, migrate, migrationStatus } from './index.ts';
import { createTestDatabase, describeEachBackend, type TestDatabase } from '../../test/support/db.ts';

describeEachBackend('migrations', (backend) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase(backend);
  });
  afterAll(() => test.drop());

  it('re-running the migrations applies nothing and leaves none pending', async () => {
    expect(await migrate(test.db)).toEqual([]);
    const status = await migrationStatus(test.db);
    expect(status.pending).toEqual([]);
    expect(status.changed).toEqual([]);
    expect(status.applied).toEqual(listMigrations().map((m) => m.name));
  });

  it('refuses to run when an applied migration file was edited afterwards', async () => {
    const edited = listMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(test.db, edited)).rejects.toThrow(/changed after they were applied: 0001_catalog/);
  });

  it('applies a new migration once, in a transaction, and records it', async () => {
    const extra = { name: '9999_test_extra', sql: 'CREATE TABLE test_extra (id int); INSERT INTO test_extra VALUES (1);', checksum: 'x' };
    expect(await migrate(test.db, [...listMigrations(), extra])).toEqual(['9999_test_extra']);
    expect(await migrate(test.db, [...listMigrations(), extra])).toEqual([]);
    expect(await test.db.query('SELECT id FROM test_extra')).toEqual([{ id: 1 }]);
  });

  it('rolls back a failing migration completely', async () => {
    const broken = { name: '9998_test_broken', sql: 'CREATE TABLE test_broken (id int); SELECT no_such_function();', checksum: 'y' };
    await expect(migrate(test.db, [...listMigrations(), broken])).rejects.toThrow();
    const rows = await test.db.query<{ exists: boolean }>(`SELECT to_regclass('test_broken') IS NOT NULL AS exists`);
    expect(rows[0]?.exists).toBe(false);
    expect((await migrationStatus(test.db)).applied).not.toContain('9998_test_broken');
  });
});
