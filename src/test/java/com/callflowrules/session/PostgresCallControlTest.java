package com.callflowrules.session;

import com.callflowrules.support.Databases;
import javax.sql.DataSource;

/** The life of a call on a real PostgreSQL, started by the test itself. */
class PostgresCallControlTest extends CallControlContract {

    @Override
    DataSource dataSource() {
        return Databases.postgres();
    }
}
