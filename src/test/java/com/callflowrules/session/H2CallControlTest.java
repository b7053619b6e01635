package com.callflowrules.session;

import com.callflowrules.support.Databases;
import javax.sql.DataSource;

/** The life of a call on the embedded default database. */
class H2CallControlTest extends CallControlContract {

    @Override
    DataSource dataSource() {
        return Databases.h2();
    }
}
