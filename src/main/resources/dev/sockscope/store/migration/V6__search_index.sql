-- The frames are in blocks now (see V6__frame_blocks.sql), and the trigram index is built as
-- blocks are written (SearchIndexer), one index block per stored block. The old index described
-- ranges of the old table: it is dropped and built again from the blocks.
DROP TABLE IF EXISTS frame;
DROP TABLE IF EXISTS search_block;
DROP TABLE IF EXISTS search_slice;
DROP TABLE IF EXISTS search_state;

-- Which stored block each index block number stands for. Numbers are never reused, even when
-- a deleted session's rows go, so a slice's bits always mean what they meant when written.
CREATE TABLE search_block (
    block INT PRIMARY KEY,
    connection_id BIGINT NOT NULL,
    first_seq INT NOT NULL,
    last_seq INT NOT NULL
);

-- Bit-sliced signatures of segments of 128 index blocks: for each trigram hash, which blocks of
-- the segment contain it (16 bytes). Only non-empty slices are stored; gram first in the key so
-- one index range gives a gram's slices across every segment. The last segment may be partial.
CREATE TABLE search_slice (
    gram INT NOT NULL,
    segment INT NOT NULL,
    bits VARBINARY(16) NOT NULL,
    PRIMARY KEY (gram, segment)
);

-- How far each connection is indexed: its frames 0..indexed_through are in search_block and in
-- the slices. A search reads the frames after it directly.
CREATE TABLE search_progress (
    connection_id BIGINT PRIMARY KEY,
    indexed_through INT NOT NULL
);

-- One row: the next index block number.
CREATE TABLE search_state (
    id INT PRIMARY KEY,
    next_block INT NOT NULL
);

INSERT INTO search_state VALUES (1, 0);
