/**
 * The configuration hierarchy as immutable records: accounts, DID groups, DIDs, meeting rooms
 * with their access codes, and the call flows defined under {@code rules/call-flows/}.
 */
package com.callflowrules.hierarchy;
