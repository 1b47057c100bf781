-- The brand profile: how the hosted dashboard page, its notice pages and every email look and
-- speak. The logo stays in brands.logo_url (only an https address is shown). A null
-- display_name reads the brand's name; a null accent_text_color is computed from the accent.

ALTER TABLE brands
  ADD COLUMN display_name       text CHECK (length(display_name) BETWEEN 1 AND 100),
  ADD COLUMN accent_color       text CHECK (accent_color ~ '^#[0-9a-f]{6}$'),
  ADD COLUMN accent_text_color  text CHECK (accent_text_color ~ '^#[0-9a-f]{6}$'),
  ADD COLUMN font_family        text CHECK (length(font_family) BETWEEN 1 AND 200),
  ADD COLUMN theme              text NOT NULL DEFAULT 'auto' CHECK (theme IN ('light', 'dark', 'auto')),
  ADD COLUMN default_locale     text NOT NULL DEFAULT 'en' CHECK (default_locale IN ('en', 'de', 'es', 'fr', 'pt')),
  ADD COLUMN email_sender_name  text CHECK (length(email_sender_name) BETWEEN 1 AND 100),
  ADD COLUMN reply_to           text CHECK (length(reply_to) BETWEEN 3 AND 320),
  ADD COLUMN postal_address     text CHECK (length(postal_address) BETWEEN 1 AND 500),
  ADD COLUMN updated_at         timestamptz NOT NULL DEFAULT now();
