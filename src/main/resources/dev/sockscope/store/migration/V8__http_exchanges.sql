-- The plain HTTP requests the proxy relayed (not WebSocket upgrades): one row per exchange, so a
-- user sees that an app goes through the proxy and how its requests fared. Bodies are relayed,
-- not kept; their sizes are as on the wire. Rows go with their session.
CREATE TABLE http_exchange (
    id BIGINT AUTO_INCREMENT PRIMARY KEY,
    session_id BIGINT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    origin VARCHAR(20) NOT NULL,
    method VARCHAR(100) NOT NULL,
    url VARCHAR(8000) NOT NULL,
    status INT NOT NULL,
    request_bytes BIGINT NOT NULL,
    response_bytes BIGINT NOT NULL,
    started_us BIGINT NOT NULL,
    response_us BIGINT NOT NULL,
    ended_us BIGINT NOT NULL,
    error VARCHAR(1000) NOT NULL
);

CREATE INDEX http_exchange_session ON http_exchange(session_id, started_us);
