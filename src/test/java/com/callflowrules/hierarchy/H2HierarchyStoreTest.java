package com.callflowrules.hierarchy;

import com.callflowrules.support.Databases;
import javax.sql.DataSource;

/** The store on the embedded default database. */
class H2HierarchyStoreTest extends HierarchyStoreContract {

    @Override
    DataSource dataSource() {
        return Databases.h2();
    }
}
