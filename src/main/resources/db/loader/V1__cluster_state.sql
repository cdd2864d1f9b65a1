-- Cluster mode (loader.cluster.jdbc-url): what the instances on one inbox share.

-- Which instance holds which file of the inbox (by its path in the inbox). A claim whose heartbeat
-- is older than loader.cluster.lease may be taken over; each take-over raises the epoch, and an
-- instance only sends or settles for a file while its claim still has the epoch it took.
CREATE TABLE loader_claims (
    path          text        PRIMARY KEY,
    owner         text        NOT NULL,
    epoch         bigint      NOT NULL,
    claimed_at    timestamptz NOT NULL DEFAULT now(),
    heartbeat_at  timestamptz NOT NULL DEFAULT now()
);

-- Each file's journal, known by the SHA-256 of its content (as the local journals' file names).
CREATE TABLE loader_journals (
    journal_key      text        PRIMARY KEY,
    path             text,
    unfinished       boolean     NOT NULL DEFAULT true,
    settled_batches  integer     NOT NULL DEFAULT 0,
    finished_at      timestamptz,
    updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX loader_journals_unfinished_path ON loader_journals (path) WHERE unfinished;

-- The journals' lines, in order: the same JSON lines a local journal file holds.
CREATE TABLE loader_journal_lines (
    journal_key  text   NOT NULL REFERENCES loader_journals (journal_key) ON UPDATE CASCADE ON DELETE CASCADE,
    seq          bigint GENERATED ALWAYS AS IDENTITY,
    line         text   NOT NULL,
    PRIMARY KEY (journal_key, seq)
);

-- Output names taken (stems, retry file names), so that two instances never write the same name.
CREATE TABLE loader_output_names (
    name         text        PRIMARY KEY,
    reserved_by  text        NOT NULL,
    reserved_at  timestamptz NOT NULL DEFAULT now()
);

-- The request budget every instance spends from (Bucket4j's state), one row per budget.
CREATE TABLE loader_budget (
    id     bigint PRIMARY KEY,
    state  bytea
);

-- Pauses every instance keeps: 'rate' after a 429 (until its reset_at), 'auth' after 401, 402 or 403.
CREATE TABLE loader_pauses (
    kind    text        PRIMARY KEY,
    until   timestamptz NOT NULL,
    reason  text
);
