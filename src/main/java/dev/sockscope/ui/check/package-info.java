/**
 * The endpoint security check in a tab: its request built from the tab's own (URL, headers,
 * subprotocols, trust), run off the FX thread, and its report as a list of verdicts with evidence
 * and fixes, exportable as Markdown and JSON.
 */
package dev.sockscope.ui.check;
