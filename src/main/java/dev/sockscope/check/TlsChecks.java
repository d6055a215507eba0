package dev.sockscope.check;

import dev.sockscope.core.CheckItem;
import dev.sockscope.core.CheckVerdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code tls-versions} and {@code cipher-suites} items, judged from one {@link TlsScan}. */
final class TlsChecks {
    static final String VERSIONS = "tls-versions";
    static final String SUITES = "cipher-suites";
    private static final List<TlsVersion> DEPRECATED = List.of(TlsVersion.SSL_3_0, TlsVersion.TLS_1_0, TlsVersion.TLS_1_1);

    private TlsChecks() {
    }

    static CheckItem versions(TlsScan.Result scan) {
        List<String> evidence = scan.offers().stream().map(TlsScan.Offer::describe).toList();
        List<TlsVersion> accepted = scan.accepted();
        List<String> old = accepted.stream().filter(DEPRECATED::contains).map(TlsVersion::label).toList();
        if (accepted.isEmpty()) {
            return new CheckItem(VERSIONS, CheckVerdict.FAIL, "No TLS version was accepted: the endpoint does not speak"
                    + " TLS on this port.", evidence, "Serve wss:// with TLS 1.2 and 1.3 on this port.");
        }
        if (!old.isEmpty()) {
            return new CheckItem(VERSIONS, CheckVerdict.FAIL, "Accepts " + String.join(", ", old)
                    + ", deprecated and insecure (RFC 8996).", evidence,
                    "Accept TLS 1.2 and 1.3 only (nginx: ssl_protocols TLSv1.2 TLSv1.3;).");
        }
        if (!accepted.contains(TlsVersion.TLS_1_3)) {
            return new CheckItem(VERSIONS, CheckVerdict.WARN, "Does not accept TLS 1.3.", evidence,
                    "Turn TLS 1.3 on (nginx: ssl_protocols TLSv1.2 TLSv1.3; OpenSSL 1.1.1 or later).");
        }
        return new CheckItem(VERSIONS, CheckVerdict.PASS, "Accepts " + String.join(" and ",
                accepted.stream().map(TlsVersion::label).toList()) + " only.", evidence, "");
    }

    static CheckItem suites(TlsScan.Result scan) {
        List<String> evidence = new ArrayList<>();
        List<String> weak = new ArrayList<>();
        List<String> noSecrecy = new ArrayList<>();
        for (Map.Entry<TlsVersion, List<CipherSuite>> entry : scan.suites().entrySet()) {
            String version = entry.getKey().label();
            evidence.add(version + ": " + (entry.getValue().isEmpty() ? "no suite could be enumerated"
                    : String.join(", ", entry.getValue().stream().map(CipherSuite::name).toList())));
            for (CipherSuite suite : entry.getValue()) {
                suite.weakness().ifPresent(why -> weak.add(suite.name() + " on " + version + ": " + why));
                if (suite.lacksForwardSecrecy()) {
                    noSecrecy.add(suite.name() + " on " + version);
                }
            }
        }
        List<CipherSuite> tls10 = scan.suites().getOrDefault(TlsVersion.TLS_1_0, List.of());
        boolean cbcOnlyTls10 = !tls10.isEmpty() && tls10.stream().allMatch(CipherSuite::cbc);
        if (scan.suites().isEmpty()) {
            return CheckItem.skipped(SUITES, "No TLS version was accepted, so no suite either.");
        }
        if (!weak.isEmpty()) {
            evidence.addAll(0, weak);
            return new CheckItem(SUITES, CheckVerdict.FAIL, "Accepts " + weak.size() + " weak suite"
                    + (weak.size() == 1 ? "" : "s") + ".", evidence,
                    "Offer ECDHE with AES-GCM or ChaCha20-Poly1305 only (nginx: ssl_ciphers"
                    + " ECDHE+AESGCM:ECDHE+CHACHA20; Mozilla's \"intermediate\" profile).");
        }
        if (!noSecrecy.isEmpty() || cbcOnlyTls10) {
            if (!noSecrecy.isEmpty()) {
                evidence.add(0, "without forward secrecy (static RSA key exchange): " + String.join(", ", noSecrecy));
            }
            if (cbcOnlyTls10) {
                evidence.add(0, "with TLS 1.0 only CBC suites are accepted (BEAST)");
            }
            return new CheckItem(SUITES, CheckVerdict.WARN, noSecrecy.isEmpty() ? "Only CBC suites with TLS 1.0."
                    : "Accepts suites without forward secrecy.", evidence,
                    "Offer ECDHE key exchange only, with AES-GCM or ChaCha20-Poly1305 (Mozilla's \"intermediate\" profile).");
        }
        return new CheckItem(SUITES, CheckVerdict.PASS, "Every accepted suite has forward secrecy and no known weakness.",
                evidence, "");
    }
}
