/** The certificate view: the TLS session, the chain as a tree, every field of each certificate, and the verdict with its reasons. */
package dev.sockscope.ui.certificate;
