package com.callflowrules.load;

import com.callflowrules.facts.CallFlow;
import com.callflowrules.numbers.PhoneNumbers;
import com.callflowrules.store.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.function.IntFunction;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A PostgreSQL for the scale run: starts an embedded server on loopback, applies the service's
 * migrations and bulk-loads a hierarchy with COPY (accounts, one DID and one room with one code
 * per slot), numbered as {@link LoadGenerator} dials them. Then it keeps running until killed.
 *
 * <pre>args: port dataDirectory accounts didsPerAccount</pre>
 */
public final class ScaleDatabase {

    private ScaleDatabase() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 5433;
        Path dataDir = Path.of(args.length > 1 ? args[1] : "target/scale-pg");
        int accounts = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int perAccount = args.length > 3 ? Integer.parseInt(args[3]) : 100;
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setServerConfig("shared_buffers", "512MB")
                .setServerConfig("max_connections", "100")
                .setServerConfig("listen_addresses", "127.0.0.1")
                // the embedded server answers commits before they are on disk unless told otherwise
                .setServerConfig("synchronous_commit", "on")
                .start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                // the JVM is exiting
            }
        }));
        var dataSource = postgres.getPostgresDatabase();
        Migrations.flyway(dataSource).load().migrate();
        try (Connection connection = dataSource.getConnection()) {
            ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM dids");
            count.next();
            if (count.getLong(1) == 0) {
                seed(connection.unwrap(PGConnection.class).getCopyAPI(), accounts, perAccount);
                connection.createStatement().execute("ANALYZE");
            }
            ResultSet sizes = connection
                    .createStatement()
                    .executeQuery(
                            "SELECT (SELECT COUNT(*) FROM accounts), (SELECT COUNT(*) FROM dids), (SELECT COUNT(*) FROM meeting_rooms), "
                                    + "pg_size_pretty(pg_database_size(current_database()))");
            sizes.next();
            System.out.printf(
                    "ready: %s accounts, %s DIDs, %s rooms, %s on disk; jdbc:postgresql://127.0.0.1:%d/postgres (postgres/postgres)%n",
                    sizes.getLong(1), sizes.getLong(2), sizes.getLong(3), sizes.getString(4), port);
        }
        Thread.currentThread().join();
    }

    private static void seed(CopyManager copy, int accounts, int perAccount) throws Exception {
        long start = System.nanoTime();
        String secured = CallFlow.sidFor("secured");
        String created = "2026-11-23 00:00:00+00";
        String[] accountSids = new String[accounts];
        for (int a = 0; a < accounts; a++) {
            accountSids[a] = UUID.nameUUIDFromBytes(("account " + a).getBytes()).toString();
        }
        copy(
                copy,
                "accounts (account_sid, name, call_flow_sid, properties, date_created)",
                accounts,
                a -> accountSids[a] + "\tload " + a + "\t" + secured + "\t{}\t" + created + "\n");
        int slots = accounts * perAccount;
        copy(
                copy,
                "dids (did_sid, account_sid, phonenumber, did_group_sid, call_flow_sid, properties, date_created)",
                slots,
                i -> UUID.nameUUIDFromBytes(("did " + i).getBytes()) + "\t" + accountSids[i / perAccount] + "\t"
                        // stored as the service stores numbers (E.164 with its +): COPY bypasses the API
                        + PhoneNumbers.canonicalOrAsGiven(LoadGenerator.number(i / perAccount, i % perAccount))
                        + "\t\\N\t\\N\t{}\t" + created + "\n");
        copy(
                copy,
                "meeting_rooms (meeting_room_sid, account_sid, name, did_group_sid, scope, ad_hoc, properties, date_created)",
                slots,
                i -> room(i) + "\t" + accountSids[i / perAccount] + "\troom " + i + "\t\\N\t\tfalse\t{}\t" + created
                        + "\n");
        copy(
                copy,
                "access_codes (meeting_room_sid, account_sid, scope, access_code, role, position)",
                slots,
                i -> room(i) + "\t" + accountSids[i / perAccount] + "\t\t"
                        + LoadGenerator.code(i / perAccount, i % perAccount) + "\tparticipant\t0\n");
        System.out.printf(
                "loaded %d accounts, %d DIDs, %d rooms in %.1f s%n",
                accounts, slots, slots, (System.nanoTime() - start) / 1e9);
    }

    private static String room(int slot) {
        return UUID.nameUUIDFromBytes(("room " + slot).getBytes()).toString();
    }

    private static void copy(CopyManager copy, String table, int rows, IntFunction<String> row) throws Exception {
        int batch = 100_000;
        for (int from = 0; from < rows; from += batch) {
            StringBuilder text = new StringBuilder(batch * 160);
            for (int i = from; i < Math.min(rows, from + batch); i++) {
                text.append(row.apply(i));
            }
            copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(text.toString()));
        }
    }
}
