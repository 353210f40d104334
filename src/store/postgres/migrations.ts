/**
 * The PostgreSQL schema, as an ordered list of migrations. A released migration is
 * never edited: a change is a new entry with the next version. Each runs in one
 * transaction (migrate.ts), so a failure leaves the previous version intact.
 */
import { deriveNetworkSql } from '../sql/network.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/*
 * Text columns use the "C" collation (the ng_text domain): comparisons and ORDER BY go
 * by code point, as SQLite's do, whatever the database's locale, and the actor filter's
 * code-prefix range (code >= 'IRN' AND code < 'IRO') means the same thing in both.
 * Column names and value types are those of src/store/sql/columns.ts, shared with the
 * SQLite driver, so the shared queries and row readers (src/store/sql/) serve both:
 * flags are 0/1 integers, lists and ranges JSON text.
 */
const STORE = `
CREATE DOMAIN ng_text AS text COLLATE "C";

-- Full-text search as the SQLite store's FTS5 (porter stemming, no stop words): every
-- word stemmed by the English Snowball stemmer, none dropped, so "sanction" finds
-- "sanctions" and "the" is a word like any other.
CREATE TEXT SEARCH DICTIONARY ng_stem (TEMPLATE = snowball, LANGUAGE = english);
CREATE TEXT SEARCH CONFIGURATION ng_search (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION ng_search
  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part WITH ng_stem;

CREATE TABLE articles (
  key ng_text PRIMARY KEY,
  record_id ng_text NOT NULL,
  title ng_text,
  publisher ng_text,
  publisher_lc ng_text,
  uri ng_text,
  origin ng_text NOT NULL,
  published ng_text,
  published_day ng_text,
  language ng_text NOT NULL,
  simhash ng_text NOT NULL,
  event_count integer NOT NULL,
  quote_count integer NOT NULL,
  ingested_at ng_text NOT NULL,
  duplicate_of ng_text,
  -- The record as given: json, not jsonb, keeps its text (and so its key order) exactly.
  record json NOT NULL,
  -- Title (weight A) and text (weight B) with diacritics folded (search.ts), in the
  -- ng_search configuration below.
  search tsvector NOT NULL
);
CREATE INDEX articles_search ON articles USING gin (search);
CREATE INDEX articles_published ON articles (published_day);
CREATE INDEX articles_publisher ON articles (publisher_lc);
CREATE INDEX articles_duplicate ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE events (
  key ng_text PRIMARY KEY,
  article_key ng_text NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
  event_id ng_text NOT NULL,
  seq integer NOT NULL,
  type ng_text NOT NULL,
  mode ng_text,
  context ng_text NOT NULL,
  modality ng_text NOT NULL,
  place_entity ng_text,
  place_name ng_text,
  place_name_lc ng_text,
  place_country ng_text,
  place_lat double precision,
  place_lon double precision,
  date_value ng_text,
  date_grain ng_text,
  date_inferred integer,
  sort_date ng_text,
  date_span ng_text,
  date_lo ng_text,
  date_hi ng_text,
  month ng_text,
  day ng_text,
  score double precision NOT NULL,
  quad ng_text NOT NULL,
  dead ng_text,
  injured ng_text,
  arrested ng_text,
  cameo ng_text,
  confidence double precision NOT NULL,
  trigger_text ng_text NOT NULL,
  evidence_sentence integer NOT NULL,
  evidence_start integer NOT NULL,
  evidence_end integer NOT NULL,
  evidence_text ng_text NOT NULL,
  cluster ng_text
);
CREATE INDEX events_article ON events (article_key, seq);
-- The default listing order (sort date, newest first) and the shared filters' ways in.
CREATE INDEX events_sort ON events (sort_date DESC NULLS LAST, key);
CREATE INDEX events_type ON events (type, sort_date);
CREATE INDEX events_month ON events (month);
CREATE INDEX events_date ON events (date_span, date_lo);
CREATE INDEX events_place ON events (place_name_lc);
CREATE INDEX events_place_country ON events (place_country);
CREATE INDEX events_cluster ON events (cluster) WHERE cluster IS NOT NULL;

CREATE TABLE participants (
  event_key ng_text NOT NULL REFERENCES events (key) ON DELETE CASCADE,
  article_key ng_text NOT NULL,
  role ng_text NOT NULL,
  pos integer NOT NULL,
  entity_id ng_text NOT NULL,
  name ng_text NOT NULL,
  name_lc ng_text NOT NULL,
  code ng_text,
  country ng_text,
  sector ng_text,
  actor_id ng_text NOT NULL,
  PRIMARY KEY (event_key, role, pos)
);
-- The actor filter: code prefix, country, folded name.
CREATE INDEX participants_code ON participants (code, role, event_key);
CREATE INDEX participants_country ON participants (country, role, event_key);
CREATE INDEX participants_name ON participants (name_lc, role, event_key);
CREATE INDEX participants_actor ON participants (actor_id, role, event_key);

CREATE TABLE quotes (
  key ng_text PRIMARY KEY,
  article_key ng_text NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
  quote_id ng_text NOT NULL,
  seq integer NOT NULL,
  text ng_text NOT NULL,
  direct integer NOT NULL,
  cue ng_text,
  channel ng_text,
  speaker_entity ng_text,
  speaker_name ng_text,
  speaker_name_lc ng_text,
  speaker_code ng_text,
  speaker_country ng_text,
  speaker_sector ng_text,
  speaker_actor_id ng_text,
  start_offset integer NOT NULL,
  end_offset integer NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_key, seq);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
CREATE INDEX quotes_speaker_country ON quotes (speaker_country);
CREATE INDEX quotes_speaker_name ON quotes (speaker_name_lc);

CREATE TABLE entities (
  article_key ng_text NOT NULL REFERENCES articles (key) ON DELETE CASCADE,
  entity_id ng_text NOT NULL,
  name ng_text NOT NULL,
  name_lc ng_text NOT NULL,
  type ng_text NOT NULL,
  code ng_text,
  country ng_text,
  sector ng_text,
  role ng_text,
  lat double precision,
  lon double precision,
  mentions integer NOT NULL,
  actor_id ng_text NOT NULL,
  PRIMARY KEY (article_key, entity_id)
);
CREATE INDEX entities_actor ON entities (actor_id, article_key);

CREATE TABLE clusters (
  id ng_text PRIMARY KEY,
  seq integer NOT NULL,
  type ng_text NOT NULL,
  actors ng_text NOT NULL,
  recipients ng_text NOT NULL,
  first_date ng_text,
  last_date ng_text,
  place ng_text,
  mentions integer NOT NULL,
  articles integer NOT NULL,
  sources integer NOT NULL,
  events ng_text NOT NULL
);

CREATE TABLE conflicts (
  seq integer PRIMARY KEY,
  cluster ng_text NOT NULL,
  kind ng_text NOT NULL,
  events ng_text NOT NULL,
  note ng_text NOT NULL
);
`;

const JOBS = `
CREATE TABLE jobs (
  id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  spec text NOT NULL UNIQUE,
  payload jsonb,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  worker text,
  locked_until timestamptz,
  available_at timestamptz NOT NULL DEFAULT now(),
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- Claimers scan only the unfinished jobs, oldest first.
CREATE INDEX jobs_open ON jobs (id) WHERE state IN ('queued', 'running');
`;

/*
 * The actor network's derived tables (src/store/sql/network.ts), filled from the stored
 * participants. Triggers rather than foreign keys keep them in step with events: a
 * deleted event takes its pairs and sides along, and TRUNCATE of events (which a foreign
 * key would refuse unless these tables were named too) empties them. The functions name
 * the tables in the trigger's own schema, whatever the session's search_path.
 */
const NETWORK = `
CREATE TABLE event_pairs (
  event_key ng_text NOT NULL,
  source ng_text NOT NULL,
  target ng_text NOT NULL,
  type ng_text NOT NULL,
  score double precision NOT NULL,
  PRIMARY KEY (event_key, source, target)
);
CREATE INDEX event_pairs_edge ON event_pairs (source, target, type, score);

CREATE TABLE event_sides (
  event_key ng_text NOT NULL,
  actor_id ng_text NOT NULL,
  on_edge integer NOT NULL,
  PRIMARY KEY (event_key, actor_id)
);
CREATE INDEX event_sides_actor ON event_sides (actor_id, on_edge);

CREATE FUNCTION ng_network_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('DELETE FROM %I.event_pairs WHERE event_key = $1', TG_TABLE_SCHEMA) USING OLD.key;
  EXECUTE format('DELETE FROM %I.event_sides WHERE event_key = $1', TG_TABLE_SCHEMA) USING OLD.key;
  RETURN NULL;
END $$;
CREATE TRIGGER events_network_delete AFTER DELETE ON events FOR EACH ROW EXECUTE FUNCTION ng_network_delete();

CREATE FUNCTION ng_network_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('TRUNCATE %I.event_pairs, %I.event_sides', TG_TABLE_SCHEMA, TG_TABLE_SCHEMA);
  RETURN NULL;
END $$;
CREATE TRIGGER events_network_truncate AFTER TRUNCATE ON events FOR EACH STATEMENT EXECUTE FUNCTION ng_network_truncate();

CREATE INDEX participants_label ON participants (actor_id, name, country, role);

-- The date bounds' index carries what selections and pages read, for index-only scans.
CREATE INDEX events_date_cover ON events (date_span, date_lo) INCLUDE (date_hi, sort_date, key);
DROP INDEX events_date;

-- The timeline and the map over the whole store group every event: with the grouping
-- columns and what is summed in one index, they read the index alone, in group order.
CREATE INDEX events_month_type ON events (month, type, score);
DROP INDEX events_month;
CREATE INDEX events_day_type ON events (day, type, score);
CREATE INDEX events_places ON events (place_name, place_country, place_lat, place_lon, type);

${deriveNetworkSql(null).join(';\n')};
ANALYZE event_pairs;
ANALYZE event_sides;
`;

/*
 * Every claim sweeps the running jobs whose lease ran out; without an index of its own
 * that sweep read every unfinished job (jobs_open), so each claim cost as much as the
 * queue was long. The running jobs are few: one per job in hand.
 */
const JOBS_RUNNING = `
CREATE INDEX jobs_running ON jobs (locked_until) WHERE state = 'running';
`;

/*
 * Articles are listed (and exported page by page) newest first, then by key: with both in
 * one index a page is read in order from where the last one ended (src/store/sql/cursor.ts)
 * instead of sorting every article for each page. Its leading column serves the
 * publication-date filters that the old index did.
 */
const ARTICLE_LIST = `
CREATE INDEX articles_list ON articles (published_day DESC NULLS LAST, key);
DROP INDEX articles_published;
`;

/*
 * Events by the sector of an actor or recipient (the actorSector and recipientSector filters):
 * like the code, country and name indexes, one read of the matching participants.
 */
const PARTICIPANT_SECTOR = `
CREATE INDEX participants_sector ON participants (sector, role, event_key);
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'articles, derived rows, corpus analysis', sql: STORE },
  { version: 2, name: 'job queue', sql: JOBS },
  { version: 3, name: 'actor network tables; covering indexes for dates, timeline and map', sql: NETWORK },
  { version: 4, name: 'index of running jobs for the lease sweep', sql: JOBS_RUNNING },
  { version: 5, name: 'article list index (publication day, key) for keyset paging', sql: ARTICLE_LIST },
  { version: 6, name: 'participant sector index for the sector filters', sql: PARTICIPANT_SECTOR },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
