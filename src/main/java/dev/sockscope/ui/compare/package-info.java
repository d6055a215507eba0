/**
 * Two recorded connections side by side ("Compare"): their messages aligned by content or order,
 * each row the same, changed, missing or extra, and the selected pair's differences (JSON fields
 * by pointer, text lines, the first differing byte) with both messages shown. Reading and
 * comparing run off the FX thread.
 */
package dev.sockscope.ui.compare;
