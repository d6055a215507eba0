package dev.sockscope.ui.proxy;

/** What the proxy's tab can ask the window for besides its own list. */
public interface ProxyActions {
    /** Shows the CA setup assistant. */
    void openAssistant();

    /** Launches a browser through the running proxy (or says why it cannot). */
    void openBrowser();
}
