-- affdash schema, version 11: member email in the member's language, laid out and branded.
-- A member may have a first name (the greeting) and a language (BCP 47; null: the brand's).
-- A message queued with the default template stores no template: it is written at delivery in
-- the member's language.

ALTER TABLE members ADD COLUMN first_name text;
ALTER TABLE members ADD COLUMN locale text;

ALTER TABLE email_messages ALTER COLUMN subject_template DROP NOT NULL;
ALTER TABLE email_messages ALTER COLUMN body_template DROP NOT NULL;
