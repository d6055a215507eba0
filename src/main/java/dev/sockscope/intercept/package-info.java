/**
 * Interception rules on proxied messages, sans-IO: what a rule matches ({@link dev.sockscope.intercept.RuleMatch}),
 * what it does ({@link dev.sockscope.intercept.RuleAction}), the rules file that holds them
 * ({@link dev.sockscope.intercept.RulesFile}) and, per connection, the decision for each message
 * ({@link dev.sockscope.intercept.Interceptor}). The proxy carries the decisions out; nothing here
 * touches a socket, a clock or a thread, so the same rules decide the same way in every test.
 *
 * <p>May import {@code core}.
 */
package dev.sockscope.intercept;
