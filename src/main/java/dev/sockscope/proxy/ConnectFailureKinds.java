package dev.sockscope.proxy;

import dev.sockscope.core.FailureKind;

/** Why the upstream leg could not be connected, as a failure kind and in words. */
final class ConnectFailureKinds {
    private ConnectFailureKinds() {
    }

    static FailureKind of(Throwable cause) {
        if (cause instanceof java.net.UnknownHostException) {
            return FailureKind.DNS;
        }
        if (cause instanceof io.netty.channel.ConnectTimeoutException) {
            return FailureKind.TIMEOUT;
        }
        if (cause instanceof java.net.ConnectException) {
            return FailureKind.UPSTREAM_REFUSED;
        }
        return FailureKind.NETWORK;
    }

    static String describe(Target target, Throwable cause) {
        String where = target.host() + ":" + target.port();
        return switch (of(cause)) {
            case DNS -> "unknown host: cannot resolve " + target.host();
            case TIMEOUT -> "timed out connecting to " + where;
            case UPSTREAM_REFUSED -> "connection refused: " + where;
            default -> "cannot connect to " + where + ": " + cause.getMessage();
        };
    }
}
