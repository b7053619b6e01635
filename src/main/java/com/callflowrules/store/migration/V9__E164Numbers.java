package com.callflowrules.store.migration;

import com.callflowrules.numbers.PhoneNumbers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Numbers were stored as E.164 digits without the {@code +}; the canonical form is now E.164 with
 * it, as the platforms send it ({@link PhoneNumbers}). Converts every stored DID and the numbers
 * of live and ended calls. A Java migration because only libphonenumber says what is a number (a
 * short test number on a call stays as it was), and H2 and PostgreSQL share no regular-expression
 * syntax. A DID number libphonenumber cannot read stops the migration, naming it: it could never
 * be dialed again, and a person has to decide what it was.
 */
@SuppressWarnings("checkstyle:TypeName")
public class V9__E164Numbers extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement widen = connection.createStatement()) {
            // the + takes one character more than the 15 digits E.164 allows
            widen.execute("ALTER TABLE dids ALTER COLUMN phonenumber SET DATA TYPE VARCHAR(16)");
        }
        convert(connection, "dids", "did_sid", "phonenumber", true);
        for (String table : new String[] {"calls", "call_history"}) {
            convert(connection, table, "call_sid", "number_dst", false);
            convert(connection, table, "call_sid", "number_src", false);
        }
    }

    private static void convert(Connection connection, String table, String key, String column, boolean required)
            throws SQLException {
        Map<String, String> changed = new LinkedHashMap<>();
        try (Statement read = connection.createStatement();
                ResultSet rows = read.executeQuery("SELECT " + key + ", " + column + " FROM " + table + " WHERE "
                        + column + " IS NOT NULL AND " + column + " NOT LIKE '+%'")) {
            while (rows.next()) {
                String number = rows.getString(2);
                var canonical = PhoneNumbers.canonical(number);
                if (canonical.isPresent()) {
                    changed.put(rows.getString(1), canonical.get());
                } else if (required) {
                    throw new SQLException("the number " + number + " of " + table + " " + rows.getString(1)
                            + " is not " + PhoneNumbers.RULE + "; correct it, then start again");
                }
            }
        }
        try (PreparedStatement write =
                connection.prepareStatement("UPDATE " + table + " SET " + column + " = ? WHERE " + key + " = ?")) {
            for (Map.Entry<String, String> row : changed.entrySet()) {
                write.setString(1, row.getValue());
                write.setString(2, row.getKey());
                write.addBatch();
            }
            write.executeBatch();
        }
    }
}
