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
 */
public record Settings(String theme, boolean relativeTime, List<TabState> tabs, int selectedTab, String session,
        Retention retention) {
    public Settings {
        theme = "dark".equals(theme) ? "dark" : "light";
        tabs = tabs == null ? List.of() : List.copyOf(tabs);
        session = session == null || session.isBlank() ? "default" : session;
        retention = retention == null ? Retention.OFF : retention;
    }

    public Settings(String theme, boolean relativeTime, List<TabState> tabs, int selectedTab) {
        this(theme, relativeTime, tabs, selectedTab, "default", Retention.OFF);
    }

    public static Settings defaults() {
        return new Settings("light", false, List.of(), 0, "default", Retention.OFF);
    }

    public Settings withTheme(String value) {
        return new Settings(value, relativeTime, tabs, selectedTab, session, retention);
    }

    public Settings withRelativeTime(boolean value) {
        return new Settings(theme, value, tabs, selectedTab, session, retention);
    }

    public Settings withTabs(List<TabState> value, int selected) {
        return new Settings(theme, relativeTime, value, selected, session, retention);
    }
}
