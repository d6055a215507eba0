package dev.sockscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PagerTest {
    private final Pager pages = new Pager(20, 10);

    @Test
    void theNewestWindowIsFullAndStepsStopAtBothEnds() {
        assertEquals(42, pages.newest(62));
        assertEquals(0, pages.newest(5), "a short list is one window");
        assertEquals(32, pages.older(42, 0));
        assertEquals(0, pages.older(5, 0));
        assertEquals(8, pages.older(12, 8), "never before the first position still held");
        assertEquals(42, pages.newer(40, 62));
        assertTrue(pages.paged(21));
        assertFalse(pages.paged(20));
    }

    @Test
    void aPositionShownOnRequestSitsInTheMiddleOfItsWindow() {
        assertEquals(15, pages.around(25, 0, 62));
        assertEquals(0, pages.around(3, 0, 62));
        assertEquals(42, pages.around(61, 0, 62));
    }

    @Test
    void saysWhichPositionsAreShownCountingFromOne() {
        assertEquals("16\u201335 of 62", Pager.range(15, 20, 62));
        assertEquals("1\u201310,000 of 1,000,000", Pager.range(0, 10_000, 1_000_000));
    }
}
