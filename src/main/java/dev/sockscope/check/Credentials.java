package dev.sockscope.check;

import dev.sockscope.core.Header;
import dev.sockscope.core.WsUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What in a request reads as a credential: the Cookie and Authorization headers, headers whose
 * name says token, key, auth or session, and URL query parameters named so.
 */
final class Credentials {
    private static final Pattern NAME = Pattern.compile(".*(token|api[-_]?key|auth|session|secret|password|jwt|sig).*");

    private Credentials() {
    }

    static boolean isCredential(Header header) {
        String name = header.name().toLowerCase(Locale.ROOT);
        return name.equals("cookie") || name.equals("authorization") || name.equals("proxy-authorization")
                || NAME.matcher(name).matches();
    }

    /** The credential headers and URL parameters of the request, by name, for the evidence. */
    static List<String> named(List<Header> headers, WsUrl url) {
        List<String> names = new ArrayList<>();
        headers.stream().filter(Credentials::isCredential).forEach(h -> names.add("header " + h.name()));
        queryParameters(url).stream().filter(p -> NAME.matcher(p.toLowerCase(Locale.ROOT)).matches() || p.equalsIgnoreCase("key"))
                .forEach(p -> names.add("URL parameter " + p));
        return names;
    }

    static List<Header> without(List<Header> headers) {
        return headers.stream().filter(h -> !isCredential(h)).toList();
    }

    /** The resource with the credential parameters taken out of its query. */
    static String resourceWithout(WsUrl url) {
        String resource = url.resource();
        int question = resource.indexOf('?');
        if (question < 0) {
            return resource;
        }
        List<String> kept = new ArrayList<>();
        for (String pair : resource.substring(question + 1).split("&")) {
            String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
            if (!(NAME.matcher(name.toLowerCase(Locale.ROOT)).matches() || name.equalsIgnoreCase("key"))) {
                kept.add(pair);
            }
        }
        return resource.substring(0, question) + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    private static List<String> queryParameters(WsUrl url) {
        String resource = url.resource();
        int question = resource.indexOf('?');
        if (question < 0) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String pair : resource.substring(question + 1).split("&")) {
            if (!pair.isEmpty()) {
                names.add(pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair);
            }
        }
        return names;
    }
}
