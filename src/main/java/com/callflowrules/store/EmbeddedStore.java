package com.callflowrules.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * Finds the MVStore behind a connection of an embedded, file-backed H2 database: empty for
 * PostgreSQL, an in-memory H2 or an H2 reached over TCP, where nothing of this package applies.
 */
final class EmbeddedStore {

    private EmbeddedStore() {}

    static Optional<MVStore> of(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)
                || session.getDatabase().getStore() == null
                || !session.getDatabase().isPersistent()) {
            return Optional.empty();
        }
        return Optional.of(session.getDatabase().getStore().getMvStore());
    }
}
