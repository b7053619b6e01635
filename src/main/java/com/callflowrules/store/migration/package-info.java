/**
 * Flyway's Java migrations, for the schema changes SQL cannot say on both H2 and PostgreSQL.
 * Flyway finds them by class path location ({@code Migrations.LOCATIONS}); the SQL migrations
 * stay in {@code db/callflow}.
 */
package com.callflowrules.store.migration;
