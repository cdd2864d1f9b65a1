-- Turns at the shared request budget (#21): while batches of several batch calls wait, on any
-- instance, the batch call with the lowest pass goes next, and its pass rises by 1 / its priority
-- (loader.priority); a tie goes to the batch call served longest ago. A batch call that starts
-- waiting keeps its pass within those of the batch calls waiting already.
CREATE TABLE loader_turns (
    batch_call_id  text             PRIMARY KEY,
    pass           double precision NOT NULL,
    served_at      timestamptz
);

-- How many requests each instance has waiting for a turn, per batch call; a row not refreshed
-- within loader.cluster.lease (its instance died) no longer counts.
CREATE TABLE loader_turns_waiting (
    instance_id    text        NOT NULL,
    batch_call_id  text        NOT NULL,
    waiting        integer     NOT NULL,
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (instance_id, batch_call_id)
);
