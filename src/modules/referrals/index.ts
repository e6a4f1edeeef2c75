/** The referrals module's public API. */
export { referralsMessages } from './referrals.messages.ts';
export { sendReferral, getReferral, listReferrals, transitionReferral, withdrawConsent, recordFollowUp, type ReferralDeps } from './referrals.service.ts';
export { sendFollowUpReminders, purgeExpiredReferralData, rotateReferralKeys, startReferralJobs } from './referrals.jobs.ts';
export { readAccessLog, exportPersonAccessLog } from './referrals.access.service.ts';
export { referralKeysFor, parseEncryptionKeys, ReferralKeyError } from './referrals.crypto.ts';
export { registerReferralRoutes, type ReferralRouteDeps } from './referrals.routes.ts';
export { createApiToken, actorForApiToken } from './api-tokens.service.ts';
export { toServiceRequest, toTask } from './referrals.fhir.ts';
export { referralsCommand } from './referrals.cli.ts';
