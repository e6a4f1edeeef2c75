/** `tarjotin referrals …`: key rotation, FHIR API tokens, and the scheduled jobs run once. */
import { parseArgs } from 'node:util';
import { createI18n } from '../../platform/i18n.ts';
import type { Deps } from '../../platform/deps.ts';
import { uiMessages } from '../../ui/ui.messages.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';
import { purgeExpiredReferralData, rotateReferralKeys, sendFollowUpReminders } from './referrals.jobs.ts';
import { referralsMessages } from './referrals.messages.ts';

const usage =
  'tarjotin referrals rotate-keys | api-token --user ID --organisation ID [--label TEXT] | api-tokens [--organisation ID] | revoke-api-token ID | run-jobs';

export const referralsCommand = {
  summary: 're-encrypt with the active key, create, list or revoke FHIR API tokens, or run reminders and retention once',
  usage,
  async run(deps: Deps, args: string[]): Promise<number> {
    const [sub, ...rest] = args;
    if (sub === 'rotate-keys') {
      process.stdout.write(`re-encrypted ${await rotateReferralKeys(deps)} referrals with the active key\n`);
      return 0;
    }
    if (sub === 'api-token') {
      const { values } = parseArgs({ args: rest, options: { user: { type: 'string' }, organisation: { type: 'string' }, label: { type: 'string' } } });
      if (!values.user || !values.organisation) {
        process.stderr.write(`tarjotin: give --user and --organisation\n${usage}\n`);
        return 1;
      }
      const token = await createApiToken(deps, { userId: values.user, organisationId: values.organisation, ...(values.label ? { label: values.label } : {}) });
      process.stdout.write(`${token}\n(shown once; only its hash is stored)\n`);
      return 0;
    }
    if (sub === 'api-tokens') {
      const { values } = parseArgs({ args: rest, options: { organisation: { type: 'string' } } });
      const tokens = await listApiTokens(deps, values.organisation ? { organisationId: values.organisation } : {});
      for (const t of tokens) {
        const state = t.revokedAt ? `revoked ${t.revokedAt.toISOString()}` : `active, last used ${t.lastUsedAt?.toISOString() ?? 'never'}`;
        process.stdout.write(`${t.id}  organisation ${t.organisationId}  user ${t.userId}  created ${t.createdAt.toISOString()}  ${state}${t.label ? `  "${t.label}"` : ''}\n`);
      }
      if (tokens.length === 0) process.stdout.write('no API tokens\n');
      return 0;
    }
    if (sub === 'revoke-api-token') {
      const [id] = rest;
      if (!id) {
        process.stderr.write(`tarjotin: give the token's id (see tarjotin referrals api-tokens)\n${usage}\n`);
        return 1;
      }
      await revokeApiToken(deps, id);
      process.stdout.write(`API token ${id} revoked\n`);
      return 0;
    }
    if (sub === 'run-jobs') {
      const i18n = createI18n([uiMessages, referralsMessages]);
      const reminded = await sendFollowUpReminders({ ...deps, translatorFor: (lang) => i18n.translator(lang) });
      const purged = await purgeExpiredReferralData(deps);
      process.stdout.write(`follow-up reminders queued: ${reminded}; referrals whose personal data was deleted: ${purged}\n`);
      return 0;
    }
    process.stderr.write(`tarjotin: ${usage}\n`);
    return 1;
  },
};
