/**
 * Referrals on PGlite and PostgreSQL: sending (encrypt, consent, event, access log, outbox in one
 * transaction), opening one (decrypt + access log), a provider's accept → start → complete, and
 * 50 simultaneous accepts competing for 10 places (exactly 10 must win).
 */
import { ConflictError } from '../src/platform/errors.ts';
import type { Actor } from '../src/modules/auth/index.ts';
import { getReferral, sendReferral, transitionReferral } from '../src/modules/referrals/index.ts';
import { createReferralFixture, referralDeps, referralTestConfig } from '../test/support/referrals.ts';
import { benchDatabases, measure, type Table } from './support.ts';

const iterations = 200;

export async function runReferralsBench(): Promise<Table> {
  const { databases, notes } = await benchDatabases();
  const rows: Table['rows'] = [];
  for (const open of databases) {
    const bench = await open();
    try {
      const fixture = await createReferralFixture(bench.db, 'bench');
      const deps = referralDeps(bench.db, referralTestConfig(), () => new Date());
      const actor = (u: { id: string; name: string; roles: Actor['roles'] }): Actor => ({ userId: u.id, name: u.name, roles: u.roles });
      const input = { sessionId: fixture.sessionId, serviceId: fixture.services.livingRoom, name: 'Bench Henkilö', phone: '040 123 4567', email: 'bench@example.fi', clientLanguage: 'fi', needCodes: ['loneliness'], note: 'x', consent: true, consentGivenBy: 'client' };
      const ids: string[] = [];
      const send = await measure(iterations, async () => ids.push(await sendReferral(deps, actor(fixture.professional), input)));
      rows.push([bench.name, 'send a referral', send.p50, send.p95, send.perSecond]);
      const read = await measure(iterations, (i) => getReferral(deps, actor(fixture.provider), ids[i % ids.length]!));
      rows.push([bench.name, 'open a referral (decrypt + access log)', read.p50, read.p95, read.perSecond]);
      let next = 0;
      const cycle = await measure(100, async () => {
        const id = ids[next++]!;
        for (const to of ['accepted', 'in-progress', 'completed']) await transitionReferral(deps, actor(fixture.provider), id, { to });
      });
      rows.push([bench.name, 'accept → start → complete (3 transitions)', cycle.p50, cycle.p95, cycle.perSecond]);
      await bench.db.query(`UPDATE services SET open_places = 10 WHERE id = $1`, [fixture.services.seniorGym]);
      const contenders: string[] = [];
      for (let i = 0; i < 50; i++) contenders.push(await sendReferral(deps, actor(fixture.professional), { ...input, serviceId: fixture.services.seniorGym }));
      const started = performance.now();
      const results = await Promise.allSettled(contenders.map((id) => transitionReferral(deps, actor(fixture.provider), id, { to: 'accepted' })));
      const elapsed = performance.now() - started;
      const won = results.filter((r) => r.status === 'fulfilled').length;
      const conflicts = results.filter((r) => r.status === 'rejected' && r.reason instanceof ConflictError).length;
      const left = (await bench.db.query<{ open_places: number }>(`SELECT open_places FROM services WHERE id = $1`, [fixture.services.seniorGym]))[0]!.open_places;
      rows.push([bench.name, `50 simultaneous accepts, 10 places: ${won} accepted, ${conflicts} conflicts, ${left} left`, elapsed, elapsed, (50 / elapsed) * 1000]);
      if (won !== 10 || conflicts !== 40 || left !== 0) notes.push(`${bench.name}: UNEXPECTED place counts (${won} accepted, ${conflicts} conflicts, ${left} left)`);
    } finally {
      await bench.drop();
    }
  }
  return { title: `Referrals (${iterations} iterations each after warm-up; the last row is one burst)`, columns: ['database', 'operation', 'p50 ms', 'p95 ms', 'per second'], rows, notes };
}
