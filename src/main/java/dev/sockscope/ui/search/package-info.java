/** Search across recorded sessions: the query bar, results as they are found, and the selected message. */
package dev.sockscope.ui.search;
