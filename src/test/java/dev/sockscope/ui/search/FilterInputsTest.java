package dev.sockscope.ui.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class FilterInputsTest {
    @Test
    void readsSizesInBytesKilobytesAndMegabytes() {
        assertEquals(-1, FilterInputs.size("  "));
        assertEquals(512, FilterInputs.size("512"));
        assertEquals(2048, FilterInputs.size("2k"));
        assertEquals(1_572_864, FilterInputs.size("1.5 MB"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FilterInputs.size("lots"));
        assertTrue(e.getMessage().contains("2k"), e.getMessage());
    }

    @Test
    void readsTimesOfTodayDatesAndDateTimes() {
        LocalDate today = LocalDate.of(2026, 11, 21);
        long midnight = 1_795_219_200_000_000L;
        assertEquals(-1, FilterInputs.time("", ZoneOffset.UTC, today));
        assertEquals(midnight + (14 * 3600 + 5 * 60) * 1_000_000L, FilterInputs.time("14:05", ZoneOffset.UTC, today));
        assertEquals(midnight, FilterInputs.time("2026-11-21", ZoneOffset.UTC, today));
        assertEquals(midnight + 30_000_000L, FilterInputs.time("2026-11-21 00:00:30", ZoneOffset.UTC, today));
        assertThrows(IllegalArgumentException.class, () -> FilterInputs.time("yesterday", ZoneOffset.UTC, today));
    }
}
