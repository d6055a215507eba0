package dev.sockscope.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The writer's just-stored block bodies, bounded by bytes, each taken once by the indexer. */
class RecentBlocksTest {
    @Test
    void keepsTheNewestWithinItsBudgetAndGivesEachOnce() {
        RecentBlocks recent = new RecentBlocks(10);
        recent.put(1, new byte[4]);
        recent.put(2, new byte[4]);
        recent.put(3, new byte[4]);
        assertNull(recent.take(1), "the oldest went to stay within 10 bytes");
        assertEquals(4, recent.take(2).length);
        assertNull(recent.take(2), "taken once");
        recent.put(4, new byte[11]);
        assertNull(recent.take(4), "a body over the whole budget is not held");
        assertArrayEquals(new byte[4], recent.take(3));
        assertEquals(0, recent.heldBytes());
    }
}
