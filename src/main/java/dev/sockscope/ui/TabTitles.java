package dev.sockscope.ui;

import dev.sockscope.core.WsUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Titles for connection tabs that tell them apart: the host (and port when given); where tabs
 * share it, the path too; where they share the whole address, a number. No JavaFX, so the rules
 * are tested as plain functions.
 */
final class TabTitles {
    private static final int MAX_PATH = 24;

    private TabTitles() {
    }

    /** One title per URL, in order. */
    static List<String> of(List<String> urls) {
        List<String> hosts = urls.stream().map(TabTitles::host).toList();
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) {
            String host = hosts.get(i);
            boolean shared = hosts.indexOf(host) != hosts.lastIndexOf(host) && !host.equals(NEW_TAB);
            titles.add(shared ? host + " " + path(urls.get(i)) : host);
        }
        Map<String, Integer> total = new HashMap<>();
        titles.forEach(t -> total.merge(t, 1, Integer::sum));
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < titles.size(); i++) {
            String t = titles.get(i);
            if (total.get(t) > 1 && !t.equals(NEW_TAB)) {
                int n = seen.merge(t, 1, Integer::sum);
                titles.set(i, t + " (" + n + ")");
            }
        }
        return titles;
    }

    static final String NEW_TAB = "New tab";

    /** The host, with the port when the URL gives one; the URL as typed (cut) when it does not parse. */
    static String host(String url) {
        if (url == null || url.isBlank()) {
            return NEW_TAB;
        }
        try {
            WsUrl parsed = WsUrl.parse(url);
            return parsed.host() + (parsed.uri().getPort() == -1 ? "" : ":" + parsed.port());
        } catch (IllegalArgumentException e) {
            return url.length() > MAX_PATH ? url.substring(0, MAX_PATH) + "\u2026" : url;
        }
    }

    /** The path and query, its start cut at a '/' when long (the end tells endpoints apart more often). */
    private static String path(String url) {
        String path;
        try {
            WsUrl parsed = WsUrl.parse(url);
            path = parsed.uri().getRawPath() == null || parsed.uri().getRawPath().isEmpty() ? "/" : parsed.uri().getRawPath();
            if (parsed.uri().getRawQuery() != null) {
                path += "?" + parsed.uri().getRawQuery();
            }
        } catch (IllegalArgumentException e) {
            return "";
        }
        if (path.length() <= MAX_PATH) {
            return path;
        }
        String end = path.substring(path.length() - MAX_PATH + 1);
        int segment = end.indexOf('/');
        return "\u2026" + (segment > 0 ? end.substring(segment) : end);
    }
}
