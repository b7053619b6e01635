package com.callflowrules.hierarchy;

import com.callflowrules.support.Databases;
import javax.sql.DataSource;

/** The store on a real PostgreSQL, started by the test itself. */
class PostgresHierarchyStoreTest extends HierarchyStoreContract {

    @Override
    DataSource dataSource() {
        return Databases.postgres();
    }
}
