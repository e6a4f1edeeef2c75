/** A small world for referral tests: two referring organisations, two providers, a coordinator, one session each. */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/index.ts';
import type { Config } from '../../src/config.ts';
import { createI18n } from '../../src/platform/i18n.ts';
import { upsertOrganisations } from '../../src/modules/catalog/index.ts';
import { sessionsForTest } from './referrals-sessions.ts';
import { uiMessages } from '../../src/ui/ui.messages.ts';
import { referralsMessages, type ReferralDeps } from '../../src/modules/referrals/index.ts';
import { createService, organisationRecord } from './factories.ts';
import { createGuidanceFixture, type GuidanceFixture } from './guidance.ts';
import { loadConfig } from '../../src/config.ts';
import { createUser, type TestUser } from './users.ts';

export const referralKeyEnv = (): Record<string, string> => ({
  REFERRAL_ENCRYPTION_KEYS: `k1:${randomBytes(32).toString('base64')}`,
  REFERRAL_LOOKUP_KEY: randomBytes(32).toString('base64'),
});

/** The tests' configuration (as testConfig in db.ts, which benchmarks cannot import) with fresh referral keys. */
export function referralTestConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'off',
    PUBLIC_URL: 'http://tarjotin.test',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    ...referralKeyEnv(),
    ...overrides,
  });
}

export function referralDeps(db: Db, config: Config, clock: () => Date): ReferralDeps {
  const i18n = createI18n([uiMessages, referralsMessages]);
  return { config, db, clock, translatorFor: (lang) => i18n.translator(lang) };
}

export interface ReferralFixture extends GuidanceFixture {
  /** a provider of an organisation B that runs its own activity */
  otherProvider: TestUser;
  otherProviderService: string;
  coordinator: TestUser;
  /** a guidance session of `professional` (organisation) and of `otherProfessional` */
  sessionId: string;
  otherSessionId: string;
}

export async function createReferralFixture(db: Db, prefix = 'r'): Promise<ReferralFixture> {
  const base = await createGuidanceFixture(db, prefix);
  await db.query(`UPDATE organisations SET email = 'toiminta@example.org' WHERE id = $1`, [base.otherOrganisation.id]);
  await db.query(`UPDATE services SET accepts_referrals = true, open_places = 1 WHERE id = $1`, [base.services.seniorGym]);
  await db.query(`UPDATE services SET accepts_referrals = true, open_places = NULL WHERE id = $1`, [base.services.livingRoom]);
  const organisationB = organisationRecord({ regionCode: '08', name: { fi: 'Toinen yhdistys' } });
  await upsertOrganisations(db, [organisationB]);
  const otherProviderService = (await createService(db, { organisation: organisationB, service: { name: { fi: 'Toisen yhdistyksen kerho' }, themes: ['hobbies'], costType: 'free' } })).service.id;
  await db.query(`UPDATE services SET accepts_referrals = true, open_places = 5 WHERE id = $1`, [otherProviderService]);
  const otherProvider = await createUser(db, { name: 'Bertta Toinentuottaja', devKey: `${prefix}-provider-b`, roles: [{ role: 'provider', organisationId: organisationB.id, regionCode: '08' }] });
  const coordinator = await createUser(db, { name: 'Kaisa Koordinaattori', devKey: `${prefix}-coordinator`, roles: [{ role: 'coordinator', organisationId: base.organisation.id, regionCode: '08' }] });
  await db.query(`UPDATE users SET email = 'paula@example.org' WHERE id = $1`, [base.professional.id]);
  const { sessionId, otherSessionId } = await sessionsForTest(db, base);
  return { ...base, otherProvider, otherProviderService, coordinator, sessionId, otherSessionId };
}
