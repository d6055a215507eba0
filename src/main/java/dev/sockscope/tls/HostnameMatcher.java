package dev.sockscope.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * RFC 6125 host name checks, as browsers apply them: DNS names from the subject alternative
 * names (a wildcard only as the whole leftmost label), IP addresses only against IP entries, and
 * the subject's CN only when the certificate has no DNS or IP names at all.
 */
final class HostnameMatcher {
    private HostnameMatcher() {
    }

    static boolean matches(X509Certificate cert, String host) {
        String asked = host.toLowerCase(Locale.ROOT);
        boolean ipHost = isIp(asked);
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (List<?> san : sans(cert)) {
            int type = (Integer) san.get(0);
            if (type == 2) {
                dns.add(String.valueOf(san.get(1)).toLowerCase(Locale.ROOT));
            } else if (type == 7) {
                ips.add(String.valueOf(san.get(1)));
            }
        }
        if (ipHost) {
            return ips.stream().anyMatch(ip -> sameIp(ip, asked));
        }
        if (dns.isEmpty() && ips.isEmpty()) {
            dns.addAll(commonNames(cert));
        }
        return dns.stream().anyMatch(pattern -> dnsMatches(pattern, asked));
    }

    /** The names a certificate is for, as a user reads them. */
    static List<String> names(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        for (List<?> san : sans(cert)) {
            int type = (Integer) san.get(0);
            if (type == 2 || type == 7) {
                out.add(String.valueOf(san.get(1)));
            }
        }
        return out.isEmpty() ? commonNames(cert) : out;
    }

    static boolean dnsMatches(String pattern, String host) {
        String p = pattern.endsWith(".") ? pattern.substring(0, pattern.length() - 1) : pattern;
        String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        if (!p.startsWith("*.")) {
            return p.equals(h);
        }
        int dot = h.indexOf('.');
        // "*.example.com" matches "a.example.com", never "example.com" or "a.b.example.com".
        return dot > 0 && h.substring(dot).equals(p.substring(1)) && p.chars().filter(c -> c == '.').count() >= 2;
    }

    private static Collection<List<?>> sans(X509Certificate cert) {
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            return sans == null ? List.of() : sans;
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    private static List<String> commonNames(X509Certificate cert) {
        return DistinguishedNames.commonNames(cert.getSubjectX500Principal().getName()).stream()
                .map(cn -> cn.toLowerCase(Locale.ROOT)).toList();
    }

    private static boolean isIp(String host) {
        return host.contains(":") || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    private static boolean sameIp(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b));
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
