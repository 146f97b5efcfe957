package dev.verifier.authorize.login;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import dev.verifier.authorize.support.AuthorizeUrls;
import dev.verifier.authorize.support.FrontChannelTest;
import dev.verifier.authorize.support.TestUsers;
import dev.verifier.testsupport.Browser;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An anonymous {@code /authorize} that shows the login page writes nothing to the database (an attacker's flood of
 * them costs no rows); the posted form still signs in, and its interaction is then used up.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnonymousAuthorizeStoresNothingTest extends FrontChannelTest {

    @Inject
    DataSource dataSource;

    @Test
    void aFloodOfLoginPagesWritesNoRowAndTheFormStillSignsIn() throws SQLException {
        Map<String, Long> before = rowCounts();
        Browser.Page login = null;
        for (int i = 0; i < 50; i++) {
            login = browser().get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
            assertEquals(200, login.status(), login.body());
        }
        assertEquals(before, rowCounts(), "rows written by anonymous /authorize requests");

        Browser browser = browser();
        Browser.Page page = browser.get(AuthorizeUrls.of(AuthorizeUrls.valid(spa)));
        assertTrue(browser.login(page, "alice", TestUsers.PASSWORD).isConsentPage());
        Browser.Page replay = browser.login(page, "alice", TestUsers.PASSWORD);
        assertEquals(400, replay.status(), "the posted interaction is used up");
    }

    private Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
              Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(tables.contains("interaction"), "tables found: " + tables);
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
