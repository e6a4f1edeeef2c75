/** SQL of the resident web's own tables: accessibility feedback and listing error reports. */
import type { Queryable } from '../../db/index.ts';
import type { Language } from '../../platform/localised.ts';

export const listingReportCategories = ['time', 'place', 'contact', 'price', 'accessibility', 'ended', 'other'] as const;
export type ListingReportCategory = (typeof listingReportCategories)[number];
export const listingReportStatuses = ['new', 'in_review', 'resolved', 'dismissed'] as const;
export type ListingReportStatus = (typeof listingReportStatuses)[number];
export const feedbackStatuses = ['new', 'in_review', 'answered', 'closed'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

export interface NewAccessibilityFeedback {
  id: string;
  language: Language;
  pagePath: string | null;
  message: string;
  contactName: string | null;
  contactEmail: string | null;
  createdAt: Date;
}

export async function insertAccessibilityFeedback(q: Queryable, row: NewAccessibilityFeedback): Promise<void> {
  await q.query(
    `INSERT INTO accessibility_feedback (id, language, page_path, message, contact_name, contact_email, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [row.id, row.language, row.pagePath, row.message, row.contactName, row.contactEmail, row.createdAt],
  );
}

export interface NewListingReport {
  id: string;
  serviceId: string;
  category: ListingReportCategory;
  message: string;
  language: Language;
  reporterEmail: string | null;
  createdAt: Date;
}

export async function insertListingReport(q: Queryable, row: NewListingReport): Promise<void> {
  await q.query(
    `INSERT INTO listing_reports (id, service_id, category, message, language, reporter_email, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
    [row.id, row.serviceId, row.category, row.message, row.language, row.reporterEmail, row.createdAt],
  );
}

export interface ListingReportRow {
  id: string;
  service_id: string;
  category: ListingReportCategory;
  message: string;
  language: Language;
  reporter_email: string | null;
  status: ListingReportStatus;
  created_at: Date;
  contact_erased_at: Date | null;
}

export async function findListingReport(q: Queryable, id: string): Promise<ListingReportRow | undefined> {
  const rows = await q.query<ListingReportRow>(
    `SELECT id, service_id, category, message, language, reporter_email, status, created_at, contact_erased_at
     FROM listing_reports WHERE id = $1::uuid`,
    [id],
  );
  return rows[0];
}

export interface AccessibilityFeedbackRow {
  id: string;
  language: Language;
  page_path: string | null;
  message: string;
  contact_name: string | null;
  contact_email: string | null;
  status: FeedbackStatus;
  created_at: Date;
  contact_erased_at: Date | null;
}

export async function findAccessibilityFeedback(q: Queryable, id: string): Promise<AccessibilityFeedbackRow | undefined> {
  const rows = await q.query<AccessibilityFeedbackRow>(
    `SELECT id, language, page_path, message, contact_name, contact_email, status, created_at, contact_erased_at
     FROM accessibility_feedback WHERE id = $1::uuid`,
    [id],
  );
  return rows[0];
}

/** Erases the reporter's contact (personal data); returns whether a row was found. */
export async function eraseListingReportContact(q: Queryable, id: string, at: Date): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE listing_reports SET reporter_email = NULL, contact_erased_at = $2, updated_at = $2
     WHERE id = $1::uuid RETURNING id`,
    [id, at],
  );
  return rows.length > 0;
}

export async function eraseAccessibilityFeedbackContact(q: Queryable, id: string, at: Date): Promise<boolean> {
  const rows = await q.query<{ id: string }>(
    `UPDATE accessibility_feedback SET contact_name = NULL, contact_email = NULL, contact_erased_at = $2, updated_at = $2
     WHERE id = $1::uuid RETURNING id`,
    [id, at],
  );
  return rows.length > 0;
}
