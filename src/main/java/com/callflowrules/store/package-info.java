/**
 * The store under the service, as far as it is more than SQL: durable group commits and online
 * compaction for the embedded H2 file, and the store's gauges. Nothing here is on the decision
 * path; every other package sees only a {@link javax.sql.DataSource}.
 */
package com.callflowrules.store;
