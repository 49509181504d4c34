package org.winformusic.events.event;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An edit's new facts show on this instance as soon as it commits, even when another
 * request read the event while the edit was still under way.
 */
@IntegrationTest
class EventCatalogEvictionTests {

	@Autowired
	EventCatalog catalog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void factsReadWhileAnEditIsUnderWayAreNotKeptAfterItCommits() {
		String slug = new TestEvents(this.jdbc).event().slugPrefix("eviction").title("Antes", "Before").create().slug();
		assertThat(title(slug)).isEqualTo("Antes");

		this.transactions.executeWithoutResult((status) -> {
			// What EventAdministration.update does: change the row, then evict.
			this.jdbc.sql("update event set title_es = 'Después' where slug = ?").param(slug).update();
			this.catalog.evict();
			// A visitor's request reads the event before the edit commits.
			assertThat(CompletableFuture.supplyAsync(() -> title(slug)).join()).isEqualTo("Antes");
		});

		assertThat(title(slug)).isEqualTo("Después");
	}

	private String title(String slug) {
		return this.catalog.findBySlug(slug, SupportedLocales.SPANISH).orElseThrow().title();
	}

}
