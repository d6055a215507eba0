package dev.sockscope.cli;

import dev.sockscope.core.Header;
import dev.sockscope.core.TrustOptions;
import dev.sockscope.core.WsUrl;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The flags that describe a WebSocket request (URL, {@code -H}, {@code --trust-cert}), parsed alike
 * by every command that takes them, with the same words for what is wrong.
 */
final class RequestFlags {
    private RequestFlags() {
    }

    static WsUrl url(String text) {
        try {
            return WsUrl.parse(text);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("invalid URL: " + e.getMessage());
        }
    }

    /** {@code -H "Name: value"} lines; the upgrade's own headers are refused (Sockscope writes them). */
    static List<Header> headers(List<String> lines) {
        List<Header> parsed = new ArrayList<>();
        for (String line : lines) {
            try {
                Header header = Header.parse(line);
                String managed = Header.refusalOf(header.name());
                if (managed != null) {
                    throw new IllegalArgumentException(managed);
                }
                parsed.add(header);
            } catch (IllegalArgumentException e) {
                throw UserError.usage("-H: " + e.getMessage());
            }
        }
        return parsed;
    }

    /** {@code --trust-cert} fingerprints, normalized. */
    static Set<String> pins(List<String> fingerprints) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String pin : fingerprints) {
            try {
                normalized.add(TrustOptions.normalizeFingerprint(pin));
            } catch (IllegalArgumentException e) {
                throw UserError.usage("--trust-cert: " + e.getMessage());
            }
        }
        return normalized;
    }
}
