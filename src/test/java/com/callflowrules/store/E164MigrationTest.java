package com.callflowrules.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.flywaydb.core.api.FlywayException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * V9 converts the numbers a store kept as digits without the {@code +} to E.164 with it: every
 * DID, and the numbers of live and ended calls where they are numbers; a DID number that is no
 * possible number stops the migration naming it, and nothing is half converted.
 */
class E164MigrationTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    /** A store at version 8, as the service left it before numbers took their +. */
    private static DataSource atVersion8() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:e164-" + DATABASES.incrementAndGet()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Migrations.flyway(dataSource).target("8").load().migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO accounts (account_sid, name, date_created) VALUES ('a-1', 'Acme', CURRENT_TIMESTAMP)")
                .update();
        jdbc.sql(
                        "INSERT INTO dids (did_sid, account_sid, phonenumber, date_created)"
                                + " VALUES ('d-1', 'a-1', '15550001000', CURRENT_TIMESTAMP), ('d-2', 'a-1', '442071838750', CURRENT_TIMESTAMP)")
                .update();
        jdbc.sql("INSERT INTO calls (call_sid, number_src, number_dst, state, date_created)"
                        + " VALUES ('c-1', 'anonymous', '15550001000', 'joined', CURRENT_TIMESTAMP),"
                        + " ('c-2', '4420', '1555', 'ended', CURRENT_TIMESTAMP)")
                .update();
        return dataSource;
    }

    @Test
    void storedNumbersTakeTheirPlus() {
        DataSource store = atVersion8();

        Migrations.flyway(store).load().migrate();

        JdbcClient jdbc = JdbcClient.create(store);
        assertThat(jdbc.sql("SELECT phonenumber FROM dids ORDER BY did_sid")
                        .query(String.class)
                        .list())
                .containsExactly("+15550001000", "+442071838750");
        assertThat(jdbc.sql("SELECT number_dst FROM calls ORDER BY call_sid")
                        .query(String.class)
                        .list())
                .as("a short test number on a call is no E.164 number and stays")
                .containsExactly("+15550001000", "1555");
        assertThat(jdbc.sql("SELECT number_src FROM calls ORDER BY call_sid")
                        .query(String.class)
                        .list())
                .containsExactly("anonymous", "4420");
    }

    @Test
    void aDidNumberThatIsNoNumberStopsTheMigrationNamingIt() {
        DataSource store = atVersion8();
        JdbcClient.create(store)
                .sql("INSERT INTO dids (did_sid, account_sid, phonenumber, date_created)"
                        + " VALUES ('d-3', 'a-1', '9991234', CURRENT_TIMESTAMP)")
                .update();

        assertThatThrownBy(() -> Migrations.flyway(store).load().migrate())
                .isInstanceOf(FlywayException.class)
                .hasStackTraceContaining("the number 9991234 of dids d-3");
        assertThat(JdbcClient.create(store)
                        .sql("SELECT phonenumber FROM dids WHERE did_sid = 'd-1'")
                        .query(String.class)
                        .single())
                .as("rolled back whole")
                .isEqualTo("15550001000");
    }
}
