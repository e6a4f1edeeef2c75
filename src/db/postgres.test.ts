import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { skipReason } from '../../test/support/requirements.ts';

const noPostgres = skipReason('PostgreSQL', Boolean(process.env.TEST_DATABASE_URL), 'TEST_DATABASE_URL is not set');

describe.skipIf(noPostgres !== undefined)(`PostgreSQL connections [postgres${noPostgres ? ` ${noPostgres}` : ''}]`, () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase('postgres');
  });
  afterAll(() => test?.drop());

  it('turn JIT compilation off on every pooled connection', async () => {
    // Enough queries at once that the pool opens several connections; each holds its backend
    // briefly so that they cannot all share one.
    const rows = await Promise.all(
      Array.from({ length: 5 }, () =>
        test.db.query<{ jit: string; pid: number }>('SELECT current_setting($1) AS jit, pg_backend_pid() AS pid, pg_sleep(0.05) IS NULL AS slept', ['jit']),
      ),
    );
    const settings = rows.map((r) => r[0]!);
    expect(new Set(settings.map((s) => s.pid)).size).toBeGreaterThan(1);
    expect(settings.every((s) => s.jit === 'off')).toBe(true);
  });
});
