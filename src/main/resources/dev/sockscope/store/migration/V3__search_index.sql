-- The substring search index (see SearchIndex): built lazily at search time, never by the writer.
-- A block is up to 256 consecutive frames of one connection; it is written once, when complete
-- or when its connection has ended, and never changes. No foreign keys: deleting a session must
-- not wait on the index, and a block whose frames are gone simply yields no rows.
CREATE TABLE search_block (
    block INT PRIMARY KEY,
    connection_id BIGINT NOT NULL,
    first_seq INT NOT NULL,
    last_seq INT NOT NULL,
    -- True on a connection's last block: every frame of it is indexed, nothing will follow.
    last_of_connection BOOLEAN NOT NULL
);

CREATE INDEX search_block_connection ON search_block(connection_id);

-- Bit-sliced signatures of full segments (128 consecutive blocks): for each trigram hash, which
-- blocks of the segment contain it (16 bytes). Only non-empty slices are stored; gram first in
-- the key so one index range gives a gram's slices across every segment.
CREATE TABLE search_slice (
    gram INT NOT NULL,
    segment INT NOT NULL,
    bits VARBINARY(16) NOT NULL,
    PRIMARY KEY (gram, segment)
);

-- One row: the next block number. Block numbers are never reused, even when the blocks of a
-- deleted session are removed, so a persisted slice always means what it meant when written.
CREATE TABLE search_state (
    id INT PRIMARY KEY,
    next_block INT NOT NULL
);

INSERT INTO search_state VALUES (1, 0);
