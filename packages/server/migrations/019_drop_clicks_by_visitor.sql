-- A repeat click is found by its id (one visitor, one link, one half hour: the same id in
-- every process), never by a look-up of the visitor's recent clicks, so nothing reads this
-- index any more and every click paid to keep it.
DROP INDEX IF EXISTS clicks_by_visitor;
