package dev.sockscope.core;

import java.time.Duration;
import java.util.List;

/**
 * What to check and how: the endpoint with the headers, subprotocols and trust a tab (or the
 * command line) would connect with.
 *
 * @param foreignOrigin the Origin a cross-site page would send, for the {@code origin} item
 * @param messageSize bytes of the one message the {@code message-size} item sends; 0 leaves it off
 *     (it sends real traffic)
 * @param timeout bound of each probe
 */
public record CheckRequest(WsUrl url, List<Header> headers, List<String> subprotocols, TrustOptions trust,
        String foreignOrigin, long messageSize, Duration timeout) {
    public static final String DEFAULT_FOREIGN_ORIGIN = "https://attacker.invalid";

    public CheckRequest {
        headers = List.copyOf(headers);
        subprotocols = List.copyOf(subprotocols);
        trust = trust == null ? TrustOptions.DEFAULT : trust;
        foreignOrigin = foreignOrigin == null || foreignOrigin.isBlank() ? DEFAULT_FOREIGN_ORIGIN : foreignOrigin;
    }
}
