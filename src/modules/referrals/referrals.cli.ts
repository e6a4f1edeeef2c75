/** `tarjotin referrals …`: key rotation, FHIR API tokens, and the scheduled jobs run once. */
import { parseArgs } from 'node:util';
import { createI18n } from '../../platform/i18n.ts';
import type { Deps } from '../../platform/deps.ts';
import { uiMessages } from '../../ui/ui.messages.ts';
import { createApiToken } from './api-tokens.service.ts';
import { purgeExpiredReferralData, rotateReferralKeys, sendFollowUpReminders } from './referrals.jobs.ts';
import { referralsMessages } from './referrals.messages.ts';

const usage = 'tarjotin referrals rotate-keys | api-token --user ID --organisation ID [--label TEXT] | run-jobs';

export const referralsCommand = {
  summary: 're-encrypt with the active key, create a FHIR API token, or run reminders and retention once',
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
