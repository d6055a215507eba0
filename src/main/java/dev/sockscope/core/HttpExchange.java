package dev.sockscope.core;

/**
 * One plain HTTP request the proxy relayed (not a WebSocket upgrade) and its answer: enough for a
 * user to see that an app goes through the proxy and how its requests fared. Bodies are relayed,
 * not kept; their sizes are the bytes on the wire (chunk framing included).
 *
 * @param session the recording session it goes into
 * @param url the full URL asked for ({@code https://host/path?q})
 * @param status the response's status code, or -1 when no response came
 * @param startedMicros when the request head was read (epoch microseconds)
 * @param responseMicros when the response head arrived, or 0 when none did
 * @param endedMicros when the exchange ended (the response's last byte, or the failure)
 * @param error why the exchange did not complete, empty when it did
 */
public record HttpExchange(String session, Origin origin, String method, String url, int status,
        long requestBytes, long responseBytes, long startedMicros, long responseMicros, long endedMicros, String error) {

    public HttpExchange {
        error = error == null ? "" : error;
    }

    /** {@code GET https://host/path 200 1234 B 12 ms}, or the error in place of the status. */
    public String summary() {
        String outcome = error.isEmpty() ? status + " " + responseBytes + " B"
                : (status > 0 ? status + " " : "") + "failed: " + error;
        return method + " " + url + " " + outcome + " " + durationMicros() / 1000 + " ms";
    }

    /** Microseconds from the request to the last byte of the answer. */
    public long durationMicros() {
        return Math.max(0, endedMicros - startedMicros);
    }
}
