/**
 * Residents' messages: accessibility feedback (laki 306/2019 § 15: a feedback channel next to the
 * accessibility statement) and error reports on listings (a moderation queue for providers and
 * coordinators). Contact details are optional personal data: stored only when given, never
 * logged, and erasable.
 */
import type { Deps } from '../../platform/deps.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Language } from '../../platform/localised.ts';
import { getActivity } from './web.service.ts';
import {
  eraseAccessibilityFeedbackContact,
  eraseListingReportContact,
  insertAccessibilityFeedback,
  insertListingReport,
  listingReportCategories,
  type ListingReportCategory,
} from './web.queries.ts';

export const maxMessageLength = 4000;
const emailPattern = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;]{2,}$/;

export interface AccessibilityFeedbackInput {
  message?: string | undefined;
  pagePath?: string | undefined;
  name?: string | undefined;
  email?: string | undefined;
}

export interface ListingReportInput {
  category?: string | undefined;
  message?: string | undefined;
  email?: string | undefined;
}

const clean = (value: string | undefined) => (value ?? '').replace(/\r\n/g, '\n').trim();

function checkMessage(message: string, fields: Record<string, string>): void {
  if (message === '') fields.message = 'web.form.error.messageRequired';
  else if (message.length > maxMessageLength) fields.message = 'web.form.error.messageTooLong';
}

function checkEmail(email: string, fields: Record<string, string>): void {
  if (email !== '' && (email.length > 254 || !emailPattern.test(email))) fields.email = 'web.form.error.email';
}

/** Only a path on this site is kept (never another site's address or a query string). */
function pagePathOf(value: string): string | null {
  if (value === '') return null;
  try {
    const url = new URL(value, 'http://x');
    return url.pathname.slice(0, 500);
  } catch {
    return null;
  }
}

/** Stores accessibility feedback; throws ValidationError with field → message key. */
export async function submitAccessibilityFeedback(deps: Deps, lang: Language, input: AccessibilityFeedbackInput): Promise<{ id: string }> {
  const message = clean(input.message);
  const email = clean(input.email);
  const name = clean(input.name).slice(0, 200);
  const fields: Record<string, string> = {};
  checkMessage(message, fields);
  checkEmail(email, fields);
  if (Object.keys(fields).length > 0) throw new ValidationError('invalid accessibility feedback', fields);
  const id = newId();
  await insertAccessibilityFeedback(deps.db, {
    id,
    language: lang,
    pagePath: pagePathOf(clean(input.pagePath)),
    message,
    contactName: name || null,
    contactEmail: email || null,
    createdAt: deps.clock(),
  });
  return { id };
}

/** Stores an error report on a public listing for moderation; throws ValidationError or NotFoundError. */
export async function reportListingError(deps: Deps, serviceId: string, lang: Language, input: ListingReportInput): Promise<{ id: string }> {
  await getActivity(deps, serviceId);
  const category = clean(input.category);
  const message = clean(input.message);
  const email = clean(input.email);
  const fields: Record<string, string> = {};
  if (!(listingReportCategories as readonly string[]).includes(category)) fields.category = 'web.report.error.category';
  checkMessage(message, fields);
  checkEmail(email, fields);
  if (Object.keys(fields).length > 0) throw new ValidationError('invalid listing report', fields);
  const id = newId();
  await insertListingReport(deps.db, {
    id,
    serviceId,
    category: category as ListingReportCategory,
    message,
    language: lang,
    reporterEmail: email || null,
    createdAt: deps.clock(),
  });
  return { id };
}

/** Erases the reporter's e-mail address from a listing report (on request or when it is handled). */
export async function eraseReporterContact(deps: Deps, reportId: string): Promise<void> {
  if (!(await eraseListingReportContact(deps.db, reportId, deps.clock()))) throw new NotFoundError('listing report');
}

/** Erases the name and e-mail address from accessibility feedback. */
export async function eraseFeedbackContact(deps: Deps, feedbackId: string): Promise<void> {
  if (!(await eraseAccessibilityFeedbackContact(deps.db, feedbackId, deps.clock()))) throw new NotFoundError('accessibility feedback');
}
