package dev.sockscope.proxy;

import dev.sockscope.core.Clock;
import dev.sockscope.core.HttpExchange;
import dev.sockscope.core.Origin;

/** What is known of one plain HTTP exchange while the proxy relays it: the request, then the answer. */
final class PlainExchange {
    private final String method;
    private final String url;
    private final long startedMicros = Clock.nowMicros();
    private long responseMicros;
    private int status = -1;
    private long requestBytes;
    private long responseBytes;

    PlainExchange(String method, String url) {
        this.method = method;
        this.url = url;
    }

    void requestBody(long bytes) {
        requestBytes += bytes;
    }

    void responseBody(long bytes) {
        responseBytes += bytes;
    }

    /** The final answer's head arrived (not an interim 1xx). */
    void answered(int statusCode) {
        this.status = statusCode;
        this.responseMicros = Clock.nowMicros();
    }

    String method() {
        return method;
    }

    /** The record of the exchange, ending now; {@code error} empty when it completed. */
    HttpExchange ended(String session, Origin origin, String error) {
        return new HttpExchange(session, origin, method, url, status, requestBytes, responseBytes, startedMicros,
                responseMicros, Clock.nowMicros(), error);
    }
}
