/** The resident web module's public API. */
export { registerWebRoutes, type WebDeps } from './web.routes.ts';
export { registerWebMoreRoutes } from './web.more.routes.ts';
export { webMessages } from './web.messages.ts';
export { eraseFeedbackContact, eraseReporterContact } from './web.forms.service.ts';
export {
  listingReportCategories,
  listingReportStatuses,
  feedbackStatuses,
  type ListingReportCategory,
  type ListingReportStatus,
  type FeedbackStatus,
} from './web.queries.ts';
export { describeSchedules, type ScheduleInput } from './schedule-format.ts';
export { writeCalendar, weeklyCalendarEvents, type CalendarEvent } from './ical.ts';
