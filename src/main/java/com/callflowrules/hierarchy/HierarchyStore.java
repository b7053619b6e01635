package com.callflowrules.hierarchy;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The hierarchy's repositories and the call path's cache over one database, wired by hand for
 * use outside the Spring context (the scenario runner, tests). In the service they are beans.
 */
public record HierarchyStore(
        AccountRepository accounts,
        DidGroupRepository groups,
        DidRepository dids,
        MeetingRoomRepository rooms,
        HierarchyCache cache) {

    /** The store over {@code dataSource}, with a cache of {@link HierarchyCache#DEFAULT_SIZE} entries per kind. */
    public static HierarchyStore on(DataSource dataSource, Clock clock) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        HierarchyChanges changes =
                new HierarchyChanges(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)));
        AccountRepository accounts = new AccountRepository(jdbc, changes, clock);
        DidGroupRepository groups = new DidGroupRepository(jdbc, changes, clock);
        DidRepository dids = new DidRepository(jdbc, changes, clock);
        MeetingRoomRepository rooms = new MeetingRoomRepository(jdbc, changes, clock);
        return new HierarchyStore(
                accounts,
                groups,
                dids,
                rooms,
                new HierarchyCache(jdbc, accounts, groups, dids, rooms, HierarchyCache.DEFAULT_SIZE));
    }
}
