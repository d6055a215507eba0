-- The files imported into each session, by the SHA-256 of their content: importing the same
-- file into the same session again is noticed and skipped unless asked for, instead of silently
-- doubling every message.
CREATE TABLE imported_file (
    session_id BIGINT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    sha256 CHAR(64) NOT NULL,
    file_name VARCHAR(1000) NOT NULL,
    messages INT NOT NULL,
    imported_us BIGINT NOT NULL,
    PRIMARY KEY (session_id, sha256)
);
