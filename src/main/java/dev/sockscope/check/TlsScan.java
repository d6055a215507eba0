package dev.sockscope.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which protocol versions an endpoint accepts and, for each, which suites: one hello per version
 * offering every suite, then for each accepted version the suites one by one (the server's choice
 * is taken out of the offer until it refuses), each hello on a connection of its own.
 */
final class TlsScan {
    /** What offering {@code version} alone got back. */
    record Offer(TlsVersion version, ServerReply reply) {
        boolean accepted() {
            return reply instanceof ServerReply.Hello hello && hello.version() == version;
        }

        String describe() {
            if (accepted()) {
                return version.label() + ": accepted (" + ((ServerReply.Hello) reply).suite().name() + ")";
            }
            String why;
            if (reply instanceof ServerReply.Hello hello) {
                why = "the server answered with " + (hello.version() == null
                        ? String.format("version 0x%04X", hello.versionCode()) : hello.version().label());
            } else if (reply instanceof ServerReply.Alert alert) {
                why = alert.describe();
            } else {
                why = ((ServerReply.NoHello) reply).what();
            }
            return version.label() + ": refused (" + why + ")";
        }
    }

    record Result(List<Offer> offers, Map<TlsVersion, List<CipherSuite>> suites) {
        List<TlsVersion> accepted() {
            return offers.stream().filter(Offer::accepted).map(Offer::version).toList();
        }
    }

    private TlsScan() {
    }

    static Result run(HelloProber prober) {
        List<Offer> offers = new ArrayList<>();
        Map<TlsVersion, List<CipherSuite>> suites = new EnumMap<>(TlsVersion.class);
        for (TlsVersion version : TlsVersion.values()) {
            Offer offer = new Offer(version, prober.offer(version, CipherSuite.forVersion(version)));
            offers.add(offer);
            if (offer.accepted()) {
                suites.put(version, suitesOf(prober, version));
            }
        }
        return new Result(offers, suites);
    }

    private static List<CipherSuite> suitesOf(HelloProber prober, TlsVersion version) {
        List<CipherSuite> offered = new ArrayList<>(CipherSuite.forVersion(version));
        List<CipherSuite> accepted = new ArrayList<>();
        while (!offered.isEmpty()) {
            ServerReply reply = prober.offer(version, offered);
            if (!(reply instanceof ServerReply.Hello hello) || hello.version() != version
                    || !offered.remove(hello.suite())) {
                break;
            }
            accepted.add(hello.suite());
        }
        return accepted;
    }
}
