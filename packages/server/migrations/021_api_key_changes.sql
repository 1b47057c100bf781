-- Each process keeps the API keys it authenticated (by their hash). Any change of a key (its
-- revocation, or its row deleted, however it is done) is announced on the schema's channel,
-- so every process forgets it within milliseconds of the commit:
--   'apikey <api key id>'   an API key changed or is gone
CREATE FUNCTION affdash_api_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('affdash_' || current_schema(), 'apikey ' || OLD.id);
  RETURN NULL;
END $$;
CREATE TRIGGER api_keys_changed AFTER UPDATE OR DELETE ON api_keys
  FOR EACH ROW EXECUTE FUNCTION affdash_api_key_changed();
