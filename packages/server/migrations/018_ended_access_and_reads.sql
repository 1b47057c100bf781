-- Ended enrollments a brand keeps readable, and brand sessions' reads in the audit trail.
--
-- brands.ended_enrollment_access: 'closed' (an ended enrollment's dashboard is closed: the
-- hosted link shows a notice, tokens are refused) or 'read_only' (its member still reads
-- their history, conversions, payments and statements, with nothing to share).
-- enrollments.ended_at: when the enrollment ended (set by the trigger below whenever the status
-- becomes 'ended', cleared when it no longer is). Enrollments that ended before this migration
-- take their last update's time.
-- audit_events.read_key: a brand session's reads are recorded once per sign-in, resource and
-- answer; the key names that triple, and a second read of it is not recorded again.

ALTER TABLE brands
  ADD COLUMN ended_enrollment_access text NOT NULL DEFAULT 'closed'
    CHECK (ended_enrollment_access IN ('closed', 'read_only'));

ALTER TABLE enrollments ADD COLUMN ended_at timestamptz;
UPDATE enrollments SET ended_at = updated_at WHERE status = 'ended';

CREATE FUNCTION affdash_enrollment_ended_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status <> 'ended' THEN
    NEW.ended_at := NULL;
  ELSIF TG_OP = 'INSERT' OR OLD.status <> 'ended' OR NEW.ended_at IS NULL THEN
    NEW.ended_at := COALESCE(NEW.ended_at, now());
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER enrollments_ended_at BEFORE INSERT OR UPDATE OF status ON enrollments
  FOR EACH ROW EXECUTE FUNCTION affdash_enrollment_ended_at();

-- what an ended enrollment's dashboard may do is part of what it shows: a new version for each
DROP TRIGGER brands_changed ON brands;
CREATE TRIGGER brands_changed AFTER UPDATE ON brands
  FOR EACH ROW WHEN ((OLD.name, OLD.logo_url, OLD.display_name, OLD.accent_color, OLD.accent_text_color,
                      OLD.ended_enrollment_access)
                     IS DISTINCT FROM (NEW.name, NEW.logo_url, NEW.display_name, NEW.accent_color,
                                       NEW.accent_text_color, NEW.ended_enrollment_access))
  EXECUTE FUNCTION affdash_brand_changed();

ALTER TABLE audit_events ADD COLUMN read_key text;
CREATE UNIQUE INDEX audit_events_read_key ON audit_events (brand_id, read_key) WHERE read_key IS NOT NULL;
