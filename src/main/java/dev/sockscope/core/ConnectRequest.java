package dev.sockscope.core;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything needed to open one WebSocket connection.
 *
 * @param offerDeflate offer permessage-deflate in the upgrade, as browsers do, so a server that
 *     compresses can be seen compressing
 */
public record ConnectRequest(WsUrl url, List<Header> headers, List<String> subprotocols,
        Duration timeout, TrustOptions trust, boolean offerDeflate) {

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

    /** A request that offers no extension. */
    public ConnectRequest(WsUrl url, List<Header> headers, List<String> subprotocols, Duration timeout, TrustOptions trust) {
        this(url, headers, subprotocols, timeout, trust, false);
    }

    public static ConnectRequest of(WsUrl url) {
        return new ConnectRequest(url, List.of(), List.of(), DEFAULT_TIMEOUT, TrustOptions.DEFAULT);
    }

    /** The same request, offering permessage-deflate or not. */
    public ConnectRequest withDeflate(boolean offer) {
        return new ConnectRequest(url, headers, subprotocols, timeout, trust, offer);
    }
}
