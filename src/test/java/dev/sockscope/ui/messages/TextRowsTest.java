package dev.sockscope.ui.messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextRowsTest {
    @Test
    void linesWrapAtTheColumnsAndRowsKnowTheirLine() {
        TextRows rows = new TextRows("abcdefg\n\nxy\r\nlast");
        rows.wrapAt(3);
        assertEquals(7, rows.rows());
        String[] expected = {"abc", "def", "g", "", "xy", "las", "t"};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], rows.row(i), "row " + i);
        }
        assertTrue(rows.continuesPrevious(1));
        assertFalse(rows.continuesPrevious(3));
        assertEquals(4, rows.lineNumber(6));
        assertEquals(2, rows.lineNumber(3));
    }

    @Test
    void aFinalLineBreakStartsNoRowAndNothingIsOneEmptyRow() {
        TextRows rows = new TextRows("one\r\n");
        assertEquals(1, rows.rows());
        assertEquals("one", rows.row(0));
        assertEquals(1, new TextRows("").rows());
    }

    @Test
    void rewrappingAFiveMegabyteLineIsArithmetic() {
        TextRows rows = new TextRows("x".repeat(5_000_000));
        rows.wrapAt(80);
        assertEquals(62_500, rows.rows());
        rows.wrapAt(100);
        assertEquals(50_000, rows.rows());
        assertEquals("x".repeat(100), rows.row(49_999));
    }
}
