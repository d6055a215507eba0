package dev.sockscope.mock;

import dev.sockscope.core.SessionEvent;
import dev.sockscope.replay.MockScript;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * What a mock server serves and where it tells what happened.
 *
 * @param host the address to listen on (loopback unless the user asked otherwise)
 * @param port the port, 0 for a free one
 * @param tls the server context for wss://, or null for ws://
 * @param scripts a fresh script for each client
 * @param subprotocol the recorded subprotocol, chosen when the client offers it; empty for none
 * @param noWait send answers at once instead of with their recorded delays
 * @param session the session mock connections are recorded in
 * @param events where each connection's events go (the event channel)
 * @param ids new connection ids (the channel's)
 * @param notices what a person watching should know, in words: a message nothing matched, a refused upgrade
 */
public record MockConfig(String host, int port, SSLContext tls, Supplier<MockScript> scripts, String subprotocol,
        boolean noWait, String session, Consumer<SessionEvent> events, LongSupplier ids, Consumer<String> notices) {
}
