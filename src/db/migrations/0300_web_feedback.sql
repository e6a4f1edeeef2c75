-- Resident web: accessibility feedback (laki digitaalisten palvelujen tarjoamisesta 306/2019
-- requires a feedback channel next to the accessibility statement) and error reports on
-- listings, which the providers' moderation reads as a queue.
-- Contact details are personal data: optional, never logged, erasable (set to NULL and
-- contact_erased_at recorded) on request or when the matter is closed.

CREATE TABLE accessibility_feedback (
  id uuid PRIMARY KEY,
  language text NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
  -- the page the feedback is about (a path on this site), when given
  page_path text CHECK (page_path IS NULL OR length(page_path) <= 500),
  message text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
  contact_name text CHECK (contact_name IS NULL OR length(contact_name) <= 200),
  contact_email text CHECK (contact_email IS NULL OR length(contact_email) <= 254),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_review', 'answered', 'closed')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  contact_erased_at timestamptz
);
CREATE INDEX accessibility_feedback_status_idx ON accessibility_feedback (status, created_at);

CREATE TABLE listing_reports (
  id uuid PRIMARY KEY,
  service_id uuid NOT NULL REFERENCES services (id),
  category text NOT NULL CHECK (category IN ('time', 'place', 'contact', 'price', 'accessibility', 'ended', 'other')),
  message text NOT NULL CHECK (length(message) BETWEEN 1 AND 4000),
  -- the language the reporter used
  language text NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
  reporter_email text CHECK (reporter_email IS NULL OR length(reporter_email) <= 254),
  status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_review', 'resolved', 'dismissed')),
  resolution_note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  contact_erased_at timestamptz
);
CREATE INDEX listing_reports_queue_idx ON listing_reports (status, created_at);
CREATE INDEX listing_reports_service_idx ON listing_reports (service_id);
