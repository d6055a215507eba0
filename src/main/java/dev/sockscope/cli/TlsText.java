package dev.sockscope.cli;

import dev.sockscope.core.CertificateInfo;
import dev.sockscope.core.ChainProblem;
import dev.sockscope.core.Digests;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.TlsReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** The human-readable form of {@code sockscope tls}. */
final class TlsText {
    private TlsText() {
    }

    static void print(PrintWriter out, TlsCommand.Inspection inspection, TlsReport report) {
        out.println("URL        " + inspection.url());
        if (report == null) {
            out.println("TLS        none (plain ws://)");
        } else {
            session(out, report);
            chain(out, report);
        }
        if (inspection.failure() != null) {
            out.println("Error      " + inspection.failure().message());
        }
        if (inspection.handshake() != null) {
            handshake(out, inspection.handshake());
        }
    }

    private static void session(PrintWriter out, TlsReport r) {
        out.println("TLS        " + r.protocol() + "  " + r.cipherSuite() + "  ALPN " + dash(r.alpn())
                + "  SNI " + dash(r.sniHost()) + "  resumed " + (r.resumed() ? "yes" : "no"));
        out.println("Peer       " + r.peerHost() + " (" + dash(r.peerAddress()) + ")");
        if (r.trusted()) {
            out.println("Verdict    trusted" + (r.pinned() ? " (pinned by the user)" : "")
                    + (r.trustAnchor() == null ? "" : ", anchored at " + r.trustAnchor().subject()));
        } else {
            out.println("Verdict    NOT trusted");
        }
        for (ChainProblem p : r.problems()) {
            out.println("  problem  " + p.kind().wireName() + ": " + p.explanation());
        }
    }

    private static void chain(PrintWriter out, TlsReport r) {
        out.println("Chain (as sent, leaf first)");
        Instant now = Instant.now();
        List<CertificateInfo> chain = r.chain();
        for (int i = 0; i < chain.size(); i++) {
            certificate(out, "  " + i + " ", chain.get(i), now);
        }
        if (r.trustAnchor() != null && !chain.contains(r.trustAnchor())) {
            certificate(out, "  anchor ", r.trustAnchor(), now);
        }
    }

    private static void certificate(PrintWriter out, String label, CertificateInfo c, Instant now) {
        String pad = " ".repeat(label.length());
        long days = c.daysLeft(now);
        String left = c.isExpired(now) ? "EXPIRED " + -days + " days ago" : c.isNotYetValid(now) ? "NOT YET VALID"
                : days + " days left" + (days < 30 ? " (expiring soon)" : "");
        out.println(label + c.subject());
        out.println(pad + "issuer     " + c.issuer());
        out.println(pad + "serial     " + c.serialHex());
        out.println(pad + "valid      " + c.notBefore() + " to " + c.notAfter() + " (" + left + ")");
        if (!c.subjectAltNames().isEmpty()) {
            out.println(pad + "names      " + String.join(", ", c.subjectAltNames()));
        }
        out.println(pad + "key        " + c.keyAlgorithm() + " " + c.keySize() + (c.curve().isEmpty() ? "" : " (" + c.curve() + ")")
                + "   signature " + c.signatureAlgorithm());
        if (c.certificateAuthority()) {
            out.println(pad + "CA         yes" + (c.pathLength() >= 0 ? ", path length " + c.pathLength() : ""));
        }
        out.println(pad + "SHA-256    " + Digests.colons(c.sha256()));
    }

    private static void handshake(PrintWriter out, Handshake h) {
        out.println("Handshake");
        h.requestHead().lines().filter(l -> !l.isEmpty()).forEach(l -> out.println("  > " + l));
        h.responseHead().lines().filter(l -> !l.isEmpty()).forEach(l -> out.println("  < " + l));
        if (h.responseBody().length > 0) {
            out.println("  < ");
            h.bodyText().lines().forEach(l -> out.println("  < " + l));
        }
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }
}
