-- Outgoing e-mail and text messages, sent by a dispatcher that any app instance may run (rows
-- are claimed with FOR UPDATE SKIP LOCKED). The recipient, subject and body exist only until
-- the message is sent or finally fails; then only the status remains.

CREATE TABLE outbox_messages (
  id uuid PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  -- what the message is for, e.g. 'guidance.plan', and the record it is about
  purpose text NOT NULL CHECK (purpose ~ '^[a-z_]+(\.[a-z_]+)+$'),
  reference_id uuid,
  language text NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
  recipient text,
  subject text,
  body text,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- a claimed message whose sender died is retried after this
  locked_until timestamptz,
  -- an error code or class, never a message that could contain the address
  last_error text,
  created_at timestamptz NOT NULL,
  sent_at timestamptz,
  finished_at timestamptz,
  CHECK ((status IN ('sent', 'failed')) = (recipient IS NULL)),
  CHECK (status NOT IN ('sent', 'failed') OR (subject IS NULL AND body IS NULL))
);
CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at) WHERE status IN ('pending', 'sending');
CREATE INDEX outbox_messages_reference_idx ON outbox_messages (reference_id);
