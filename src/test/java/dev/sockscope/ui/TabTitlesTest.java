package dev.sockscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TabTitlesTest {
    @Test
    void aHostAloneIsItsTitle() {
        assertEquals(List.of("127.0.0.1:9103", "echo.example", "New tab"),
                TabTitles.of(List.of("ws://127.0.0.1:9103/feed", "wss://echo.example/ws", "")));
    }

    @Test
    void tabsToOneHostAreToldApartByPathThenByNumber() {
        assertEquals(List.of("127.0.0.1:9103 /feed (1)", "127.0.0.1:9103 /prices", "127.0.0.1:9103 /feed (2)",
                "other:1", "New tab", "New tab"),
                TabTitles.of(List.of("ws://127.0.0.1:9103/feed", "ws://127.0.0.1:9103/prices", "ws://127.0.0.1:9103/feed",
                        "ws://other:1/x", "", "")));
    }

    @Test
    void aLongPathKeepsItsEnd() {
        List<String> titles = TabTitles.of(List.of("ws://h/api/v2/streams/market-data/level2?symbol=BTC", "ws://h/"));
        assertEquals("h /", titles.get(1));
        assertEquals("h \u2026/level2?symbol=BTC", titles.get(0));
    }
}
