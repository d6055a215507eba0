package dev.sockscope.ui.messages;

/**
 * Content shown a row at a time: the large-payload viewer asks only for the rows on screen, so a
 * 20 MB message costs the FX thread what one screenful costs. No JavaFX; safe to build off the FX
 * thread.
 */
interface RowSource {
    /** How many rows there are at the current width. */
    int rows();

    /** The text of one row. */
    String row(int index);

    /** True when this row continues the one before it (a long line wrapped), so copying joins them. */
    boolean continuesPrevious(int index);

    /**
     * Wraps lines at {@code columns} characters; sources whose rows have a fixed width ignore it.
     * FX thread, cheap: one pass over the lines, none over the text.
     */
    default void wrapAt(int columns) {
    }
}
