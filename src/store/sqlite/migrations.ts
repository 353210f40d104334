/**
 * The SQLite schema as an ordered list of migrations. A released migration is never
 * edited: a change is a new entry with the next version. Each runs in one transaction
 * (migrate.ts). The tables and columns are the ones src/store/sql/ reads and writes;
 * docs/store.md describes them.
 */
import { deriveNetworkSql } from '../sql/network.js';
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const CORE = `
CREATE TABLE articles (
  id INTEGER PRIMARY KEY,            -- rowid, shared with articles_fts
  key TEXT NOT NULL UNIQUE,
  record_id TEXT NOT NULL,
  title TEXT,
  publisher TEXT,
  publisher_lc TEXT,
  uri TEXT,
  origin TEXT NOT NULL,
  published TEXT,
  published_day TEXT,
  language TEXT NOT NULL,
  simhash TEXT NOT NULL,
  duplicate_of TEXT,
  event_count INTEGER NOT NULL,
  quote_count INTEGER NOT NULL,
  ingested_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published_day);
CREATE INDEX articles_publisher ON articles (publisher_lc);
CREATE INDEX articles_duplicate ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE records (
  article_key TEXT PRIMARY KEY REFERENCES articles (key),
  json TEXT NOT NULL
);

CREATE TABLE entities (
  article_key TEXT NOT NULL REFERENCES articles (key),
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  type TEXT NOT NULL,
  code TEXT,
  country TEXT,
  sector TEXT,
  role TEXT,
  lat REAL,
  lon REAL,
  mentions INTEGER NOT NULL,
  actor_id TEXT NOT NULL,
  PRIMARY KEY (article_key, entity_id)
);
CREATE INDEX entities_actor ON entities (actor_id, article_key);

CREATE TABLE events (
  key TEXT PRIMARY KEY,
  article_key TEXT NOT NULL REFERENCES articles (key),
  event_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  mode TEXT,
  context TEXT NOT NULL,             -- JSON list
  modality TEXT NOT NULL,
  place_entity TEXT,
  place_name TEXT,
  place_name_lc TEXT,
  place_country TEXT,
  place_lat REAL,
  place_lon REAL,
  date_value TEXT,
  date_grain TEXT,
  date_inferred INTEGER,
  sort_date TEXT,                    -- event date, else publication date: YYYY[-MM[-DD]]
  date_span TEXT,                    -- grain of sort_date: day, month or year
  date_lo TEXT,                      -- first and last day sort_date covers
  date_hi TEXT,
  month TEXT,                        -- YYYY-MM when sort_date has a month
  day TEXT,                          -- YYYY-MM-DD when sort_date has a day
  score REAL NOT NULL,
  quad TEXT NOT NULL,
  dead TEXT,                         -- JSON range or NULL
  injured TEXT,
  arrested TEXT,
  cameo TEXT,
  confidence REAL NOT NULL,
  trigger_text TEXT NOT NULL,
  evidence_sentence INTEGER NOT NULL,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence_text TEXT NOT NULL,
  cluster TEXT
);
CREATE INDEX events_article ON events (article_key);
CREATE INDEX events_sort ON events (sort_date DESC, key);
CREATE INDEX events_type ON events (type, sort_date);
CREATE INDEX events_month ON events (month);
-- Date bounds search date_lo within each grain (filters.ts dateConditions).
CREATE INDEX events_date ON events (date_span, date_lo);
CREATE INDEX events_place ON events (place_name_lc);
CREATE INDEX events_place_country ON events (place_country);
CREATE INDEX events_cluster ON events (cluster) WHERE cluster IS NOT NULL;

CREATE TABLE participants (
  event_key TEXT NOT NULL REFERENCES events (key),
  article_key TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('actor', 'recipient', 'source')),
  pos INTEGER NOT NULL,
  entity_id TEXT NOT NULL,
  name TEXT NOT NULL,
  name_lc TEXT NOT NULL,
  code TEXT,
  country TEXT,
  sector TEXT,
  actor_id TEXT NOT NULL,
  PRIMARY KEY (event_key, role, pos)
);
-- The actor rule's three ways in (code prefix, country, name), each with the role
-- so the index alone answers "which events have X as actor".
CREATE INDEX participants_code ON participants (code, role, event_key);
CREATE INDEX participants_country ON participants (country, role, event_key);
CREATE INDEX participants_name ON participants (name_lc, role, event_key);
CREATE INDEX participants_actor ON participants (actor_id, role, event_key);

CREATE TABLE quotes (
  key TEXT PRIMARY KEY,
  article_key TEXT NOT NULL REFERENCES articles (key),
  quote_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  text TEXT NOT NULL,
  direct INTEGER NOT NULL,
  cue TEXT,
  channel TEXT,
  speaker_entity TEXT,
  speaker_name TEXT,
  speaker_name_lc TEXT,
  speaker_code TEXT,
  speaker_country TEXT,
  speaker_sector TEXT,
  speaker_actor_id TEXT,
  start_offset INTEGER NOT NULL,
  end_offset INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes (article_key, seq);
CREATE INDEX quotes_speaker_code ON quotes (speaker_code);
CREATE INDEX quotes_speaker_country ON quotes (speaker_country);
CREATE INDEX quotes_speaker_name ON quotes (speaker_name_lc);

CREATE TABLE clusters (
  id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  actors TEXT NOT NULL,              -- JSON lists
  recipients TEXT NOT NULL,
  first_date TEXT,
  last_date TEXT,
  place TEXT,
  mentions INTEGER NOT NULL,
  articles INTEGER NOT NULL,
  sources INTEGER NOT NULL,
  events TEXT NOT NULL
);

CREATE TABLE conflicts (
  seq INTEGER PRIMARY KEY,
  cluster TEXT NOT NULL,
  kind TEXT NOT NULL,
  events TEXT NOT NULL,
  note TEXT NOT NULL
);

-- Title and text of each article, rowid = articles.id. Porter stemming so "sanctions"
-- finds "sanctioned"; diacritics folded so "Kyiv" and "Kyïv" meet.
CREATE VIRTUAL TABLE articles_fts USING fts5 (title, text, tokenize = 'porter unicode61 remove_diacritics 2');
`;

/*
 * The actor network's derived tables (src/store/sql/network.ts), filled from the stored
 * participants; an index that names actor groups from the index alone and a covering
 * date index (below). WITHOUT
 * ROWID: each table is its primary key's B-tree, so a lookup by event is one search.
 * A trigger rather than a foreign key keeps them in step with events: whatever deletes
 * events (in any order of tables) deletes their pairs and sides.
 */
const NETWORK = `
CREATE TABLE event_pairs (
  event_key TEXT NOT NULL,
  source TEXT NOT NULL,              -- actor group (ActorRow.id) of the actor side
  target TEXT NOT NULL,              -- actor group of the recipient side; never = source
  type TEXT NOT NULL,                -- the event's type and score, for grouping without events
  score REAL NOT NULL,
  PRIMARY KEY (event_key, source, target)
) WITHOUT ROWID;
CREATE INDEX event_pairs_edge ON event_pairs (source, target, type, score);

CREATE TABLE event_sides (
  event_key TEXT NOT NULL,
  actor_id TEXT NOT NULL,            -- a group on the actor or recipient side
  on_edge INTEGER NOT NULL,          -- 1 when the event pairs it with another group
  PRIMARY KEY (event_key, actor_id)
) WITHOUT ROWID;
CREATE INDEX event_sides_actor ON event_sides (actor_id, on_edge);

CREATE TRIGGER events_network_delete AFTER DELETE ON events BEGIN
  DELETE FROM event_pairs WHERE event_key = old.key;
  DELETE FROM event_sides WHERE event_key = old.key;
END;

CREATE INDEX participants_label ON participants (actor_id, name, country, role);

-- The date bounds' index carries what selections and pages read (the rest of the date,
-- the sort date, the key), so a date filter never visits the wide event rows.
CREATE INDEX events_date_cover ON events (date_span, date_lo, date_hi, sort_date, key);
DROP INDEX events_date;

-- The timeline and the map over the whole store group every event: with the grouping
-- columns and what is summed in one index, they read the index alone, in group order.
CREATE INDEX events_month_type ON events (month, type, score);
DROP INDEX events_month;
CREATE INDEX events_day_type ON events (day, type, score);
CREATE INDEX events_places ON events (place_name, place_country, place_lat, place_lon, type);

${deriveNetworkSql(null).join(';\n')};
`;

/*
 * Articles are listed (and exported page by page) newest first, then by key: with both in
 * one index a page is read in order from where the last one ended (src/store/sql/cursor.ts)
 * instead of sorting every article for each page. Its leading column serves the
 * publication-date filters that the old index did.
 */
const ARTICLE_LIST = `
CREATE INDEX articles_list ON articles (published_day DESC, key);
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
  { version: 1, name: 'articles, records, entities, events, participants, quotes, analysis, full text', sql: CORE },
  { version: 2, name: 'actor network tables; covering indexes for dates, timeline and map', sql: NETWORK },
  { version: 3, name: 'article list index (publication day, key) for keyset paging', sql: ARTICLE_LIST },
  { version: 4, name: 'participant sector index for the sector filters', sql: PARTICIPANT_SECTOR },
];

export const LATEST_VERSION = MIGRATIONS.reduce((max, m) => Math.max(max, m.version), 0);
