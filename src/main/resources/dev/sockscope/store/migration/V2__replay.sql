-- What a reopened session needs to show a connection exactly as it happened: the rest of the TLS
-- session, the timings of each step, how a failure was classified and who closed.
ALTER TABLE connection ADD COLUMN tls_alpn VARCHAR(200);
ALTER TABLE connection ADD COLUMN tls_sni VARCHAR(1000);
ALTER TABLE connection ADD COLUMN tls_resumed BOOLEAN;
ALTER TABLE connection ADD COLUMN peer_address VARCHAR(300);
ALTER TABLE connection ADD COLUMN dns_us BIGINT;
ALTER TABLE connection ADD COLUMN tcp_us BIGINT;
ALTER TABLE connection ADD COLUMN tls_us BIGINT;
ALTER TABLE connection ADD COLUMN upgrade_us BIGINT;
ALTER TABLE connection ADD COLUMN failure_kind VARCHAR(40);
ALTER TABLE connection ADD COLUMN failure_detail VARCHAR(8000);
ALTER TABLE connection ADD COLUMN close_remote BOOLEAN;
