package dev.sockscope.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Everything needed to open one WebSocket connection. */
public record ConnectRequest(WsUrl url, List<Header> headers, List<String> subprotocols,
        Duration timeout, TrustOptions trust) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ConnectRequest {
        Objects.requireNonNull(url, "url");
        headers = List.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            timeout = DEFAULT_TIMEOUT;
        }
        trust = trust == null ? TrustOptions.DEFAULT : trust;
    }

    public static ConnectRequest of(WsUrl url) {
        return new ConnectRequest(url, List.of(), List.of(), DEFAULT_TIMEOUT, TrustOptions.DEFAULT);
    }
}
