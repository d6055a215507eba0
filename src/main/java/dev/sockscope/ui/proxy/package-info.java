/**
 * The proxy in the window: the header's toggle that starts and stops Sockscope's MITM proxy, and
 * the proxy view listing the connections it relays as they happen. Starting and stopping run off
 * the FX thread; the list is refreshed from the live connections a few times a second.
 */
package dev.sockscope.ui.proxy;
