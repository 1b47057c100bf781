-- Dashboard versions and change notifications.
-- enrollment_totals.version goes up in the transaction of every write that changes what an
-- enrollment's dashboard shows: its totals (conversions, status changes, payments, clicks),
-- the enrollment itself (status, code, link, dashboard link), its offer, its member's name,
-- its brand's profile as the dashboard shows it (name, logo, accent). The version is the dashboard's ETag. Each change is announced on
-- the schema's channel (pg_notify('affdash_' || current_schema(), …), delivered on commit), so
-- every process keeps its in-memory versions and its cache of tracking links current:
--   'version <brand id> <enrollment id> <version>'   a dashboard changed
--   'link <slug>'                                      what a tracking link leads to changed
--   'link *'                                           what any of an offer's links lead to changed

ALTER TABLE enrollment_totals ADD COLUMN version bigint NOT NULL DEFAULT 1;

-- any change of a totals row is a new version (unless the statement set one itself)
CREATE FUNCTION affdash_totals_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.version = OLD.version THEN
    NEW.version := OLD.version + 1;
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER enrollment_totals_version BEFORE UPDATE ON enrollment_totals
  FOR EACH ROW EXECUTE FUNCTION affdash_totals_version();

CREATE FUNCTION affdash_totals_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('affdash_' || current_schema(),
                    'version ' || NEW.brand_id || ' ' || NEW.enrollment_id || ' ' || NEW.version);
  RETURN NULL;
END $$;
CREATE TRIGGER enrollment_totals_notify AFTER UPDATE ON enrollment_totals
  FOR EACH ROW WHEN (NEW.version <> OLD.version) EXECUTE FUNCTION affdash_totals_notify();

CREATE FUNCTION affdash_enrollment_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrollment_totals SET version = version + 1
  WHERE brand_id = NEW.brand_id AND enrollment_id = NEW.id;
  PERFORM pg_notify('affdash_' || current_schema(), 'link ' || OLD.tracking_slug);
  IF NEW.tracking_slug <> OLD.tracking_slug THEN
    PERFORM pg_notify('affdash_' || current_schema(), 'link ' || NEW.tracking_slug);
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER enrollments_changed AFTER UPDATE ON enrollments
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION affdash_enrollment_changed();

-- the enrollments' totals rows are locked in one order (as lockTotalsMany does)
CREATE FUNCTION affdash_offer_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrollment_totals t SET version = t.version + 1
  WHERE (t.brand_id, t.enrollment_id) IN (
    SELECT l.brand_id, l.enrollment_id FROM enrollment_totals l
    JOIN enrollments e ON e.brand_id = l.brand_id AND e.id = l.enrollment_id
    WHERE e.brand_id = NEW.brand_id AND e.offer_id = NEW.id
    ORDER BY l.enrollment_id FOR UPDATE OF l);
  PERFORM pg_notify('affdash_' || current_schema(), 'link *');
  RETURN NULL;
END $$;
CREATE TRIGGER offers_changed AFTER UPDATE ON offers
  FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION affdash_offer_changed();

CREATE FUNCTION affdash_member_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrollment_totals t SET version = t.version + 1
  WHERE (t.brand_id, t.enrollment_id) IN (
    SELECT l.brand_id, l.enrollment_id FROM enrollment_totals l
    JOIN enrollments e ON e.brand_id = l.brand_id AND e.id = l.enrollment_id
    WHERE e.brand_id = NEW.brand_id AND e.member_id = NEW.id
    ORDER BY l.enrollment_id FOR UPDATE OF l);
  RETURN NULL;
END $$;
CREATE TRIGGER members_changed AFTER UPDATE ON members
  FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name) EXECUTE FUNCTION affdash_member_changed();

CREATE FUNCTION affdash_brand_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE enrollment_totals t SET version = t.version + 1
  WHERE (t.brand_id, t.enrollment_id) IN (
    SELECT l.brand_id, l.enrollment_id FROM enrollment_totals l
    WHERE l.brand_id = NEW.id ORDER BY l.enrollment_id FOR UPDATE OF l);
  RETURN NULL;
END $$;
CREATE TRIGGER brands_changed AFTER UPDATE ON brands
  FOR EACH ROW WHEN ((OLD.name, OLD.logo_url, OLD.display_name, OLD.accent_color, OLD.accent_text_color)
                     IS DISTINCT FROM (NEW.name, NEW.logo_url, NEW.display_name, NEW.accent_color, NEW.accent_text_color))
  EXECUTE FUNCTION affdash_brand_changed();
