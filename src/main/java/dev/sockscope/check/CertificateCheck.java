package dev.sockscope.check;

import dev.sockscope.client.TlsProbe;
import dev.sockscope.core.CertificateInfo;
import dev.sockscope.core.ChainProblem;
import dev.sockscope.core.CheckItem;
import dev.sockscope.core.CheckRequest;
import dev.sockscope.core.CheckVerdict;
import dev.sockscope.core.TlsReport;
import dev.sockscope.core.TrustProblem;
import dev.sockscope.tls.TlsInspector;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code certificate} item: the chain as a real handshake (JSSE, the request's trust) received
 * it, judged as the certificate viewer judges it, plus how soon the leaf expires and its key.
 */
final class CertificateCheck {
    static final String ID = "certificate";
    static final int WARN_DAYS = 30;

    private CertificateCheck() {
    }

    static CheckItem run(CheckRequest request) {
        TlsProbe.Result probe = TlsProbe.probe(request.url(), request.trust(), request.timeout());
        if (probe.tls() == null || probe.tls().chainDer().isEmpty()) {
            return new CheckItem(ID, CheckVerdict.SKIPPED, "No certificate was received: "
                    + (probe.failure() == null ? "the handshake gave none" : probe.failure().message()), List.of(), "");
        }
        TlsReport report;
        try {
            report = TlsInspector.report(probe.tls(), request.url().host(), request.trust());
        } catch (IOException | GeneralSecurityException e) {
            return CheckItem.skipped(ID, "The certificates to trust could not be read: " + e.getMessage());
        }
        return judge(report, Instant.now());
    }

    static CheckItem judge(TlsReport report, Instant now) {
        CertificateInfo leaf = report.chain().get(0);
        List<String> evidence = new ArrayList<>();
        evidence.add("leaf: " + leaf.subject() + ", issued by " + leaf.issuer());
        evidence.add("names: " + String.join(", ", leaf.subjectAltNames()));
        long days = leaf.daysLeft(now);
        evidence.add("expires " + leaf.notAfter() + " (" + days + " days from now)");
        evidence.add("key: " + leaf.keyAlgorithm() + " " + leaf.keySize() + " bits" + (leaf.curve().isEmpty() ? ""
                : " (" + leaf.curve() + ")") + ", signed with " + leaf.signatureAlgorithm());
        evidence.add("chain as sent: " + report.chain().size() + " certificate" + (report.chain().size() == 1 ? "" : "s")
                + (report.trustAnchor() == null ? ", no trusted root reached" : ", up to " + report.trustAnchor().subject()));
        for (ChainProblem problem : report.problems()) {
            evidence.add(problem.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + problem.explanation());
        }
        if (!report.problems().isEmpty()) {
            ChainProblem first = report.problems().get(0);
            return new CheckItem(ID, CheckVerdict.FAIL, "Not trusted: " + first.explanation()
                    + (report.pinned() ? " (accepted here only because its fingerprint is pinned)" : ""), evidence, fixFor(first.kind()));
        }
        if (days < WARN_DAYS) {
            return new CheckItem(ID, CheckVerdict.WARN, "Trusted, but expires in " + days + " days.", evidence,
                    "Renew the certificate (and automate renewal: ACME, e.g. certbot or Caddy).");
        }
        return new CheckItem(ID, CheckVerdict.PASS, "Trusted, matches " + report.peerHost() + ", valid for " + days
                + " more days.", evidence, "");
    }

    private static String fixFor(TrustProblem kind) {
        return switch (kind) {
            case EXPIRED, NOT_YET_VALID -> "Install a currently valid certificate (and automate renewal: ACME).";
            case HOSTNAME_MISMATCH -> "Issue the certificate for the host name clients use (subjectAltName).";
            case SELF_SIGNED -> "Use a certificate from a public CA, or for development Sockscope's local CA"
                    + " (sockscope proxy --reverse ... --tls).";
            case UNKNOWN_ISSUER -> "Send the full chain (leaf and intermediates: nginx ssl_certificate takes the"
                    + " fullchain file), issued by a CA clients trust.";
            case WEAK_KEY -> "Use an RSA key of 2048 bits or more, or an EC P-256 key.";
            case WEAK_SIGNATURE -> "Reissue the certificate signed with SHA-256 or better.";
        };
    }
}
