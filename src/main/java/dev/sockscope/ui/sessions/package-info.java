/** Sessions in the GUI: choosing the session to record into, exporting and importing. */
package dev.sockscope.ui.sessions;
