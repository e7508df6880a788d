-- Tabletop exercises. Portable SQL: the same migration runs on embedded H2 and on PostgreSQL.
-- Like saved scenarios, an exercise is reached by a random public id, and only a SHA-256 hash of its secret edit
-- token is stored. The start conditions are kept whole (JSON, every condition of the pack), not as a reference to
-- the preset or saved scenario they came from, so that the exercise keeps its meaning if that scenario changes.
CREATE TABLE exercise (
    id               VARCHAR(32)    NOT NULL PRIMARY KEY,
    edit_token_hash  VARCHAR(64)    NOT NULL,
    title            VARCHAR(120)   NOT NULL,
    briefing         VARCHAR(4000)  NOT NULL,
    start_label      VARCHAR(200)   NOT NULL,
    start_conditions VARCHAR(20000) NOT NULL,
    pack_version     VARCHAR(40)    NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX exercise_updated ON exercise (updated_at);

-- Turns are numbered 1, 2, 3… within their exercise; the state after turn N is the start conditions with the
-- injects of turns 1..N applied in order.
CREATE TABLE exercise_turn (
    exercise_id VARCHAR(32)  NOT NULL,
    turn_number INTEGER      NOT NULL,
    title       VARCHAR(120) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (exercise_id, turn_number),
    CONSTRAINT exercise_turn_exercise FOREIGN KEY (exercise_id) REFERENCES exercise (id) ON DELETE CASCADE
);

-- An inject sets one condition to a new value, with the facilitator's note of the event behind it.
CREATE TABLE exercise_inject (
    exercise_id   VARCHAR(32)  NOT NULL,
    turn_number   INTEGER      NOT NULL,
    inject_number INTEGER      NOT NULL,
    condition_id  VARCHAR(80)  NOT NULL,
    new_value     VARCHAR(80)  NOT NULL,
    note          VARCHAR(300) NOT NULL,
    PRIMARY KEY (exercise_id, turn_number, inject_number),
    CONSTRAINT exercise_inject_turn FOREIGN KEY (exercise_id, turn_number)
        REFERENCES exercise_turn (exercise_id, turn_number) ON DELETE CASCADE
);
