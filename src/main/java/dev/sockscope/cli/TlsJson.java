package dev.sockscope.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sockscope.core.CertificateInfo;
import dev.sockscope.core.ChainProblem;
import dev.sockscope.core.Handshake;
import dev.sockscope.core.Header;
import dev.sockscope.core.TlsReport;
import java.util.List;

/**
 * The JSON form of {@code sockscope tls}: one object with protocol, cipherSuite, alpn, trusted,
 * problems, chain (leaf first) and handshake, as the certificate viewer issue specifies.
 */
final class TlsJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TlsJson() {
    }

    /** What {@code tls --json} prints when nothing could be inspected: the URL as given and why. */
    static String renderError(String url, String kind, String message) {
        ObjectNode root = JSON.createObjectNode();
        root.put("url", url);
        ObjectNode error = root.putObject("error");
        error.put("kind", kind);
        error.put("message", message);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String render(TlsCommand.Inspection inspection, TlsReport r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("url", inspection.url().toString());
        root.put("protocol", r == null ? null : r.protocol());
        root.put("cipherSuite", r == null ? null : r.cipherSuite());
        root.put("alpn", r == null || r.alpn().isEmpty() ? null : r.alpn());
        root.put("sni", r == null || r.sniHost().isEmpty() ? null : r.sniHost());
        root.put("resumed", r != null && r.resumed());
        root.put("peerHost", inspection.url().host());
        root.put("peerAddress", r == null ? null : r.peerAddress());
        root.put("trusted", r != null && r.trusted());
        root.put("pinned", r != null && r.pinned());
        ArrayNode problems = root.putArray("problems");
        ArrayNode details = root.putArray("problemDetails");
        if (r != null) {
            for (ChainProblem p : r.problems()) {
                if (!containsText(problems, p.kind().wireName())) {
                    problems.add(p.kind().wireName());
                }
                details.addObject().put("problem", p.kind().wireName()).put("explanation", p.explanation())
                        .put("certificate", p.certificateIndex());
            }
        }
        ArrayNode chain = root.putArray("chain");
        if (r != null) {
            r.chain().forEach(c -> certificate(chain.addObject(), c));
        }
        if (r != null && r.trustAnchor() != null) {
            certificate(root.putObject("trustAnchor"), r.trustAnchor());
        } else {
            root.putNull("trustAnchor");
        }
        if (inspection.failure() != null) {
            root.put("error", inspection.failure().message());
        }
        if (inspection.handshake() != null) {
            handshake(root.putObject("handshake"), inspection.handshake());
        } else {
            root.putNull("handshake");
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static boolean containsText(ArrayNode array, String text) {
        for (var node : array) {
            if (node.asText().equals(text)) {
                return true;
            }
        }
        return false;
    }

    private static void certificate(ObjectNode node, CertificateInfo c) {
        node.put("subject", c.subject());
        node.put("issuer", c.issuer());
        node.put("serial", c.serialHex());
        node.put("notBefore", c.notBefore().toString());
        node.put("notAfter", c.notAfter().toString());
        strings(node.putArray("sans"), c.subjectAltNames());
        node.put("keyAlgorithm", c.keyAlgorithm());
        node.put("keySize", c.keySize());
        node.put("curve", c.curve().isEmpty() ? null : c.curve());
        node.put("signatureAlgorithm", c.signatureAlgorithm());
        strings(node.putArray("keyUsage"), c.keyUsage());
        strings(node.putArray("extendedKeyUsage"), c.extendedKeyUsage());
        node.put("ca", c.certificateAuthority());
        if (c.pathLength() >= 0) {
            node.put("pathLength", c.pathLength());
        }
        strings(node.putArray("ocsp"), c.ocspUrls());
        strings(node.putArray("caIssuers"), c.caIssuerUrls());
        strings(node.putArray("crl"), c.crlUrls());
        node.put("sctCount", c.sctCount());
        node.put("sha256", c.sha256());
        node.put("sha1", c.sha1());
    }

    private static void handshake(ObjectNode node, Handshake h) {
        ObjectNode request = node.putObject("request");
        request.put("line", h.requestLine());
        headers(request.putArray("headers"), h.requestHeaders());
        ObjectNode response = node.putObject("response");
        if (h.status() > 0) {
            response.put("status", h.status());
        } else {
            response.putNull("status");
        }
        response.put("statusLine", h.statusLine());
        headers(response.putArray("headers"), h.responseHeaders());
        response.put("body", h.bodyText());
    }

    private static void headers(ArrayNode array, List<Header> headers) {
        headers.forEach(h -> array.addArray().add(h.name()).add(h.value()));
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
