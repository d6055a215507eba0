package dev.sockscope.app;

import java.util.List;

/**
 * User settings, saved as JSON in the data directory.
 *
 * @param theme "light" or "dark"
 * @param relativeTime show message times relative to the connection's start
 * @param selectedTab index of the tab that was in front
 * @param session the session new connections are recorded into
 * @param retention how much recording to keep
 * @param logShare where the user put the divider between a log and its detail pane (the log's
 *     share of the width), 0 for the default
 * @param sharedMessages saved messages every tab offers, besides its own
 * @param proxy how the window's proxy is set up
 */
public record Settings(String theme, boolean relativeTime, List<TabState> tabs, int selectedTab, String session,
        Retention retention, double logShare, List<TabState.SavedMessage> sharedMessages, ProxyPreferences proxy) {
    /** Where the window's proxy listens unless the user chose another port: what `sockscope proxy` uses too. */
    public static final int DEFAULT_PROXY_PORT = 8080;

    public Settings {
        proxy = proxy == null ? ProxyPreferences.defaults() : proxy;
        sharedMessages = sharedMessages == null ? List.of() : List.copyOf(sharedMessages);
        logShare = logShare > 0.05 && logShare < 0.95 ? logShare : 0;
        theme = "dark".equals(theme) ? "dark" : "light";
        tabs = tabs == null ? List.of() : List.copyOf(tabs);
        session = session == null || session.isBlank() ? "default" : session;
        retention = retention == null ? Retention.OFF : retention;
    }

    public Settings(String theme, boolean relativeTime, List<TabState> tabs, int selectedTab) {
        this(theme, relativeTime, tabs, selectedTab, "default", Retention.OFF);
    }

    public Settings(String theme, boolean relativeTime, List<TabState> tabs, int selectedTab, String session,
            Retention retention) {
        this(theme, relativeTime, tabs, selectedTab, session, retention, 0, List.of(), ProxyPreferences.defaults());
    }

    public static Settings defaults() {
        return new Settings("light", false, List.of(), 0, "default", Retention.OFF);
    }

    public Settings withTheme(String value) {
        return new Settings(value, relativeTime, tabs, selectedTab, session, retention, logShare, sharedMessages, proxy);
    }

    public Settings withRelativeTime(boolean value) {
        return new Settings(theme, value, tabs, selectedTab, session, retention, logShare, sharedMessages, proxy);
    }

    public Settings withTabs(List<TabState> value, int selected) {
        return new Settings(theme, relativeTime, value, selected, session, retention, logShare, sharedMessages, proxy);
    }
}
