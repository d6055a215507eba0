package dev.sockscope.core;

/**
 * How long each step of opening a connection took, in microseconds; -1 for a step not taken
 * (no TLS on ws://, say).
 */
public record Timings(long dnsMicros, long tcpMicros, long tlsMicros, long upgradeMicros) {
    public static final Timings NONE = new Timings(-1, -1, -1, -1);

    public long totalMicros() {
        return Math.max(0, dnsMicros) + Math.max(0, tcpMicros) + Math.max(0, tlsMicros) + Math.max(0, upgradeMicros);
    }
}
