/** How the app logs: Logback configured in code ({@link dev.sockscope.logging.LogSetup}). Imports nothing of ours. */
package dev.sockscope.logging;
