-- Frames are stored in blocks from now on: up to 1,024 consecutive frames (or 256 KiB of payload)
-- of one connection per row, their descriptions and payloads in one body, compressed (see
-- FrameBlock and ADR 0005). A row per frame could not keep up with the wire: H2 spent its time
-- in its primary index, and the file was nearly three times the payload.
--   id          connection_id * 2^32 + the block's first seq: key order is (connection, seq) order,
--               and a connection's blocks are one key range
--   last_seq    the block's last frame (a block holds first seq..last_seq, no gaps)
--   messages    how many of its frames complete a message; bytes: their frames' payload bytes
--   min_us, max_us  the earliest and latest time of its frames (a time filter skips a block unread)
--   codec       0 the body as written, 1 LZ4; raw_size its size before compression
--   body        up to 1 MB inline; larger bodies (one big frame) in body_large
-- Each DDL statement commits at once in H2: every statement here is safe to run again.
CREATE TABLE IF NOT EXISTS block (
    id BIGINT PRIMARY KEY,
    last_seq INT NOT NULL,
    messages INT NOT NULL,
    bytes BIGINT NOT NULL,
    min_us BIGINT NOT NULL,
    max_us BIGINT NOT NULL,
    codec TINYINT NOT NULL,
    raw_size INT NOT NULL,
    body VARBINARY(1000000),
    body_large BLOB
);

-- Counters kept by whoever writes the connection's blocks, in the same transaction: listing
-- sessions and connections sums these, never the frames. frames is also the next seq.
ALTER TABLE connection ADD (
    frames BIGINT DEFAULT 0 NOT NULL,
    messages BIGINT DEFAULT 0 NOT NULL,
    bytes BIGINT DEFAULT 0 NOT NULL,
    last_us BIGINT
);
