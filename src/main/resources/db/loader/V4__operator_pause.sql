-- A person's pause of all sending (the console's Pause), for every instance: one row while paused.
CREATE TABLE loader_operator_pause (
    only_one   boolean     PRIMARY KEY DEFAULT true CHECK (only_one),
    paused_by  text        NOT NULL,
    paused_at  timestamptz NOT NULL
);
