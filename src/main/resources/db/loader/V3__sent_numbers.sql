-- What each batch call already has (#22, loader.sent-memory): the numbers Truedy accepted, one row
-- per file load and batch call, encoded as sorted differences of their E.164 digits. A file read
-- again (resumed, or grown after it was archived) replaces its own row. Rows older than
-- loader.sent-memory are deleted at start.
CREATE TABLE loader_sent (
    batch_call_id  text        NOT NULL,
    stem           text        NOT NULL,
    file           text        NOT NULL,
    finished_at    timestamptz NOT NULL,
    numbers_count  bigint      NOT NULL,
    numbers        bytea       NOT NULL,
    PRIMARY KEY (batch_call_id, stem)
);
