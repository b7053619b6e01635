/**
 * The configuration hierarchy's store: JDBC repositories for accounts, DID groups, DIDs and meeting
 * rooms (whose records are in {@code com.callflowrules.facts}), the change log, and the call path's
 * per-node cache that follows it.
 */
package com.callflowrules.hierarchy;
