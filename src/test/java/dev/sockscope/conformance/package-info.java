/**
 * The Autobahn TestSuite's cases, ported: each case's frames as its fuzzing peer sends them and its
 * judgement of the other side, written anew in Java from the suite's public case definitions.
 * The judge parses frames with its own small reader, never with Sockscope's codec, so a codec
 * bug cannot hide itself.
 */
package dev.sockscope.conformance;
