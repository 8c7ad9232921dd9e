-- Rooms: the row is also the per-room sequence; commands lock it (SELECT ... FOR UPDATE) to take the next seq.
CREATE TABLE rooms (
    id            text PRIMARY KEY,
    visibility    text    NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    name          text,
    created_by    text    NOT NULL,
    created_at    bigint  NOT NULL,
    latest_seq    bigint  NOT NULL DEFAULT 0,
    -- Keep messages this long; NULL: the service default (by default forever).
    retention_ms  bigint  CHECK (retention_ms IS NULL OR retention_ms > 0)
);

CREATE TABLE room_members (
    room_id    text   NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id    text   NOT NULL,
    role       text   NOT NULL CHECK (role IN ('member', 'moderator')),
    joined_at  bigint NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX room_members_by_user ON room_members (user_id);

-- Every committed event of a room, in seq order: the resume log behind GET /v1/rooms/{id}/events.
-- The primary key is the last line of defence against a seq assigned twice.
CREATE TABLE room_events (
    room_id     text   NOT NULL,
    seq         bigint NOT NULL,
    kind        text   NOT NULL CHECK (kind IN ('CREATED', 'EDITED', 'DELETED')),
    message_id  text   NOT NULL,
    msg_id      text,
    author      text   NOT NULL,
    actor       text   NOT NULL,
    data        jsonb,
    ts          bigint NOT NULL,
    command_id  text,
    PRIMARY KEY (room_id, seq)
);
-- A redelivered edit or delete is recognised by its command id.
CREATE UNIQUE INDEX room_events_change_command ON room_events (room_id, command_id) WHERE kind <> 'CREATED';
CREATE INDEX room_events_ts ON room_events (ts);

-- The latest version of each message (history); seq is the seq of its CREATED event.
CREATE TABLE messages (
    room_id     text    NOT NULL,
    seq         bigint  NOT NULL,
    message_id  text    NOT NULL,
    msg_id      text    NOT NULL,
    author      text    NOT NULL,
    data        jsonb,
    ts          bigint  NOT NULL,
    edited_at   bigint,
    deleted     boolean NOT NULL DEFAULT false,
    PRIMARY KEY (room_id, seq),
    -- Idempotency: one message per (room, client msgId), however often it is re-sent.
    CONSTRAINT messages_msg_id UNIQUE (room_id, msg_id),
    CONSTRAINT messages_message_id UNIQUE (room_id, message_id)
);
CREATE INDEX messages_ts ON messages (ts);

CREATE TABLE read_cursors (
    room_id     text   NOT NULL REFERENCES rooms (id) ON DELETE CASCADE,
    user_id     text   NOT NULL,
    seq         bigint NOT NULL CHECK (seq >= 0),
    updated_at  bigint NOT NULL,
    PRIMARY KEY (room_id, user_id)
);
CREATE INDEX read_cursors_by_user ON read_cursors (user_id);

-- Transactional outbox: every Kafka record chat-service emits is written here in the transaction that caused it,
-- and sent by the relay after commit, in id order (ids of one room grow with its seq: the room row lock orders them).
CREATE TABLE outbox (
    id          bigserial PRIMARY KEY,
    topic       text  NOT NULL,
    record_key  text,
    payload     bytea NOT NULL,
    headers     jsonb
);
