/**
 * The message detail pane: one selected frame's header, its payload as text, highlighted JSON or
 * a hex dump, and copy actions; imports {@code core} only, besides JavaFX and its UI libraries.
 */
package dev.sockscope.ui.messages;
