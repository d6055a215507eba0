-- Sessions group connections; connections hold the upgrade and TLS facts; frames hold every
-- frame as bytes plus opcode. Timestamps are microseconds since the epoch.
CREATE TABLE session (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    name VARCHAR(200) NOT NULL UNIQUE,
    notes VARCHAR(100000) DEFAULT '' NOT NULL,
    created_us BIGINT NOT NULL
);

CREATE TABLE connection (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    url VARCHAR(8000) NOT NULL,
    origin VARCHAR(20) NOT NULL,
    started_us BIGINT NOT NULL,
    opened_us BIGINT,
    ended_us BIGINT,
    close_code INT,
    close_reason VARCHAR(1000),
    error VARCHAR(8000),
    request_head VARCHAR(1000000),
    response_head VARCHAR(1000000),
    response_body VARBINARY(1000000),
    tls_protocol VARCHAR(40),
    tls_cipher VARCHAR(200),
    subprotocol VARCHAR(1000)
);

CREATE INDEX connection_session ON connection(session_id);

CREATE TABLE certificate (
    connection_id BIGINT NOT NULL REFERENCES connection(id) ON DELETE CASCADE,
    position INT NOT NULL,
    der VARBINARY(100000) NOT NULL,
    PRIMARY KEY (connection_id, position)
);

-- Payloads up to 1 MB inline; larger ones in a BLOB, stored whole but read as a stream.
CREATE TABLE frame (
    connection_id BIGINT NOT NULL REFERENCES connection(id) ON DELETE CASCADE,
    seq INT NOT NULL,
    direction TINYINT NOT NULL,
    opcode TINYINT NOT NULL,
    fin BOOLEAN NOT NULL,
    rsv TINYINT NOT NULL,
    ts_us BIGINT NOT NULL,
    size INT NOT NULL,
    payload VARBINARY(1000000),
    payload_large BLOB,
    PRIMARY KEY (connection_id, seq)
);
