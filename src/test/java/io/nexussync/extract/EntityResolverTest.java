package io.nexussync.extract;

import com.zaxxer.hikari.HikariDataSource;
import io.nexussync.store.StateStore;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EntityResolverTest {

    private HikariDataSource dataSource;
    private StateStore store;

    @BeforeEach
    void setUp() {
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl("jdbc:h2:mem:resolver-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        store = new StateStore(dataSource);
    }

    @AfterEach
    void tearDown() {
        dataSource.close();
    }

    @Test
    void should_join_a_misspelling_to_a_known_organisation_of_the_same_tenant_only() {
        EntityResolver resolver = new EntityResolver(store, 0.93, 1000);
        assertThat(resolver.key("t1", "ORGANIZATION", "globex")).isEqualTo("t1/ORGANIZATION/globex");
        assertThat(resolver.key("t1", "ORGANIZATION", "globexx")).isEqualTo("t1/ORGANIZATION/globex");
        assertThat(resolver.key("t2", "ORGANIZATION", "globexx")).isEqualTo("t2/ORGANIZATION/globexx");
        assertThat(resolver.key("t1", "LOCATION", "globexx")).isEqualTo("t1/LOCATION/globexx");
    }

    @Test
    void should_keep_different_first_names_apart_and_short_names_exact() {
        EntityResolver resolver = new EntityResolver(store, 0.93, 1000);
        resolver.key("t", "PERSON", "maria gonzalez");
        assertThat(resolver.key("t", "PERSON", "mario gonzalez")).isEqualTo("t/PERSON/mario gonzalez");
        assertThat(resolver.key("t", "PERSON", "maria gonzales")).isEqualTo("t/PERSON/maria gonzalez");
        resolver.key("t", "ORGANIZATION", "sap");
        assertThat(resolver.key("t", "ORGANIZATION", "sas")).isEqualTo("t/ORGANIZATION/sas");
    }

    @Test
    void should_not_fuzzy_match_dates_or_addresses() {
        EntityResolver resolver = new EntityResolver(store, 0.5, 1000);
        resolver.key("t", "DATE", "2025-03-03");
        assertThat(resolver.key("t", "DATE", "2025-03-04")).isEqualTo("t/DATE/2025-03-04");
    }

    @Test
    void should_resolve_as_before_after_a_restart() {
        new EntityResolver(store, 0.93, 1000).key("t", "ORGANIZATION", "northwind traders");
        new EntityResolver(store, 0.93, 1000).key("t", "ORGANIZATION", "northwind tradres");
        EntityResolver restarted = new EntityResolver(store, 0.99, 1000);
        assertThat(restarted.key("t", "ORGANIZATION", "northwind tradres")).isEqualTo("t/ORGANIZATION/northwind traders");
    }
}
