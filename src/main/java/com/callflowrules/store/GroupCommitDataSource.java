package com.callflowrules.store;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The service's data source: on an embedded H2 file store that delays its writes (H2's
 * {@code WRITE_DELAY} above 0, the default URL), every connection it hands out makes its
 * changes durable through one shared {@link GroupCommit} before the caller goes on: after
 * {@code commit()}, and when a connection that ran statements in auto-commit mode is closed.
 * On any other database, or on H2 with {@code WRITE_DELAY=0} (which writes every commit
 * itself), it hands out the pool's connections as they are.
 */
public final class GroupCommitDataSource extends DelegatingDataSource {

    private final Object deciding = new Object();
    private volatile GroupCommit groupCommit;
    private volatile boolean passThrough;

    /**
     * @param pool the data source to hand out connections of (the service's connection pool)
     */
    public GroupCommitDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return durable(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return durable(super.getConnection(username, password));
    }

    /** The group commit in use, empty where connections are handed out as they are. */
    Optional<GroupCommit> groupCommit() {
        return Optional.ofNullable(groupCommit);
    }

    private Connection durable(Connection connection) throws SQLException {
        GroupCommit commits = groupCommit;
        if (commits == null && !passThrough) {
            commits = decide(connection);
        }
        if (commits == null) {
            return connection;
        }
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                new DurableConnection(connection, commits));
    }

    private GroupCommit decide(Connection connection) throws SQLException {
        synchronized (deciding) {
            if (groupCommit == null && !passThrough) {
                groupCommit = EmbeddedStore.of(connection)
                        .filter(store -> store.getAutoCommitDelay() > 0)
                        .map(GroupCommit::new)
                        .orElse(null);
                passThrough = groupCommit == null;
            }
            return groupCommit;
        }
    }

    /**
     * A pooled connection that waits for its changes to be durable. Any statement created marks
     * it as possibly changed; a commit, or closing it in auto-commit mode, then waits; a
     * rollback clears the mark.
     */
    private static final class DurableConnection implements InvocationHandler {

        private final Connection target;
        private final GroupCommit commits;
        private boolean changed;

        DurableConnection(Connection target, GroupCommit commits) {
            this.target = target;
            this.commits = commits;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "createStatement", "prepareStatement", "prepareCall" -> changed = true;
                case "close" -> {
                    boolean wait = changed && !target.isClosed() && target.getAutoCommit();
                    changed = false;
                    call(method, args);
                    if (wait) {
                        commits.awaitDurable();
                    }
                    return null;
                }
                case "commit" -> {
                    call(method, args);
                    changed = false;
                    commits.awaitDurable();
                    return null;
                }
                case "rollback" -> {
                    Object result = call(method, args);
                    if (args == null) {
                        changed = false;
                    }
                    return result;
                }
                case "setAutoCommit" -> {
                    // switching auto-commit on commits what is pending (JDBC)
                    boolean commitsPending = changed && (Boolean) args[0] && !target.getAutoCommit();
                    call(method, args);
                    if (commitsPending) {
                        changed = false;
                        commits.awaitDurable();
                    }
                    return null;
                }
                case "equals" -> {
                    return proxy == args[0];
                }
                case "hashCode" -> {
                    return System.identityHashCode(proxy);
                }
                default -> {}
            }
            return call(method, args);
        }

        private Object call(Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
