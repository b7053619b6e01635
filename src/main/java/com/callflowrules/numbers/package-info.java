/**
 * Telephone numbers in the one form the service stores and matches: E.164 with its {@code +}
 * ({@code +15550001000}), whatever form a platform, a person or a scenario wrote them in.
 */
package com.callflowrules.numbers;
