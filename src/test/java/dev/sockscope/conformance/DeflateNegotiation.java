package dev.sockscope.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fuzzing server's side of permessage-deflate's negotiation (RFC 7692 section 5): the client's
 * offers read from its upgrade request, and the case's accept rule (the suite's accept1 to
 * accept7) choosing one and what to ask of the client. Window bits of 9 stand where the suite's
 * oldest source says 8: zlib since 1.2.9 refuses 8 for raw deflate, and the suite's own reports
 * now show 9.
 */
final class DeflateNegotiation {
    /** The suite's server-side accept rules, by the 13.x sub-group they belong to (12.x uses FIRST). */
    enum Accept {
        /** Accept the first offer, ask nothing of the client (13.1 and all of 12). */
        FIRST("server accept: the first offer, as it is"),
        /** Ask the client for no context takeover (13.2). */
        NO_CONTEXT("server accept: client_no_context_takeover"),
        /** Ask the client for a 512-byte window, if it said it can (13.3). */
        WINDOW_9("server accept: client_max_window_bits=9"),
        /** Ask the client for a 32 KiB window, if it said it can (13.4). */
        WINDOW_15("server accept: client_max_window_bits=15"),
        /** Both: no context takeover and a 512-byte window (13.5). */
        NO_CONTEXT_WINDOW_9("server accept: client_no_context_takeover; client_max_window_bits=9"),
        /** Both: no context takeover and a 32 KiB window (13.6). */
        NO_CONTEXT_WINDOW_15("server accept: client_no_context_takeover; client_max_window_bits=15"),
        /** 13.5's answer if the client can, else 13.2's, else 13.1's (13.7). */
        FALLBACK("server accept: 13.5's parameters, else 13.2's, else the first offer");

        final String description;

        Accept(String description) {
            this.description = description;
        }
    }

    /**
     * What both sides agreed: the response header's value and the parameters each side compresses with.
     *
     * @param serverWindowBits the window the fuzzer compresses with (what the client asked for, or 15)
     */
    record Agreed(String header, boolean serverNoContextTakeover, int serverWindowBits, boolean clientNoContextTakeover,
            int clientWindowBits) {
    }

    /** One permessage-deflate offer's parameters, lower-cased, a parameter without a value mapped to "". */
    private record Offer(Map<String, String> parameters) {
        boolean has(String name) {
            return parameters.containsKey(name);
        }
    }

    private DeflateNegotiation() {
    }

    /** What the fuzzer answers to these {@code Sec-WebSocket-Extensions} values, or null to decline. */
    static Agreed negotiate(List<String> extensionHeaders, Accept accept) {
        List<Offer> offers = offers(extensionHeaders);
        return switch (accept) {
            case FIRST -> offers.isEmpty() ? null : agree(offers.get(0), false, 0);
            case NO_CONTEXT -> offers.isEmpty() ? null : agree(offers.get(0), true, 0);
            case WINDOW_9 -> withWindow(offers, false, 9);
            case WINDOW_15 -> withWindow(offers, false, 15);
            case NO_CONTEXT_WINDOW_9 -> withWindow(offers, true, 9);
            case NO_CONTEXT_WINDOW_15 -> withWindow(offers, true, 15);
            case FALLBACK -> {
                Agreed agreed = withWindow(offers, true, 9);
                yield agreed != null ? agreed : offers.isEmpty() ? null : agree(offers.get(0), true, 0);
            }
        };
    }

    /** The first offer that said the client can take a window size (client_max_window_bits), answered with one. */
    private static Agreed withWindow(List<Offer> offers, boolean noContext, int bits) {
        for (Offer offer : offers) {
            if (offer.has("client_max_window_bits")) {
                return agree(offer, noContext, bits);
            }
        }
        return null;
    }

    private static Agreed agree(Offer offer, boolean clientNoContext, int clientBits) {
        StringBuilder header = new StringBuilder("permessage-deflate");
        boolean serverNoContext = offer.has("server_no_context_takeover");
        if (serverNoContext) {
            header.append("; server_no_context_takeover");
        }
        int serverBits = 15;
        if (offer.has("server_max_window_bits")) {
            serverBits = Integer.parseInt(offer.parameters().get("server_max_window_bits"));
            header.append("; server_max_window_bits=").append(serverBits);
        }
        if (clientNoContext) {
            header.append("; client_no_context_takeover");
        }
        int bits = 15;
        if (clientBits > 0) {
            String offered = offer.parameters().get("client_max_window_bits");
            // The answer may not exceed a window the client named (RFC 7692 section 7.1.2.2).
            bits = offered.isEmpty() ? clientBits : Math.min(clientBits, Integer.parseInt(offered));
            header.append("; client_max_window_bits=").append(bits);
        }
        return new Agreed(header.toString(), serverNoContext, serverBits, clientNoContext, bits);
    }

    /**
     * The permessage-deflate offers in the order given. An offer with a parameter RFC 7692 does not
     * define for offers, or a value out of range, is declined (section 5), and the next one tried.
     */
    private static List<Offer> offers(List<String> headers) {
        List<Offer> offers = new ArrayList<>();
        for (String header : headers) {
            for (String element : header.split(",")) {
                String[] parts = element.split(";");
                if (!parts[0].strip().equalsIgnoreCase("permessage-deflate")) {
                    continue;
                }
                Map<String, String> parameters = new LinkedHashMap<>();
                boolean valid = true;
                for (int i = 1; i < parts.length; i++) {
                    String[] pair = parts[i].split("=", 2);
                    String name = pair[0].strip().toLowerCase(Locale.ROOT);
                    String value = pair.length > 1 ? pair[1].strip().replace("\"", "") : "";
                    valid &= validParameter(name, value) && parameters.put(name, value) == null;
                }
                if (valid) {
                    offers.add(new Offer(parameters));
                }
            }
        }
        return offers;
    }

    private static boolean validParameter(String name, String value) {
        return switch (name) {
            case "server_no_context_takeover", "client_no_context_takeover" -> value.isEmpty();
            case "server_max_window_bits" -> value.matches("[89]|1[0-5]");
            case "client_max_window_bits" -> value.isEmpty() || value.matches("[89]|1[0-5]");
            default -> false;
        };
    }
}
