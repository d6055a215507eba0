/**
 * The CA setup assistant: Sockscope's certificate authority as a user needs to know it, how to make
 * each kind of client trust it (and stop trusting it), and which trust stores here already do.
 */
package dev.sockscope.ui.ca;
