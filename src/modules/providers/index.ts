/** The providers module's public API: self-service, moderation, CSV import and review reminders. */
export { registerProvidersRoutes, type ProvidersRouteDeps } from './providers.routes.ts';
export { providersMessages } from './providers.messages.ts';
export { runReviewReminders, type ReminderReport } from './reminders.service.ts';
export { canEditService, canModerate, tarjotinSources } from './providers.policy.ts';
