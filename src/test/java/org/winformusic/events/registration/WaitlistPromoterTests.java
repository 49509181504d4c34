package org.winformusic.events.registration;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A registration that is stored is answered as stored, even when the promotion that
 * follows it finds no free database connection (a burst): the sweep promotes later.
 */
class WaitlistPromoterTests {

	/** A pool with no connection to give. */
	static final PlatformTransactionManager EXHAUSTED = new PlatformTransactionManager() {

		@Override
		public TransactionStatus getTransaction(TransactionDefinition definition) {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
		}

		@Override
		public void commit(TransactionStatus status) {
		}

		@Override
		public void rollback(TransactionStatus status) {
		}

	};

	/** The same pool, asked for a connection outside a transaction. */
	static final JdbcClient NO_CONNECTION = JdbcClient.create(new AbstractDataSource() {

		@Override
		public Connection getConnection() throws SQLException {
			throw new SQLException("Connection is not available, request timed out");
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

	});

	final WaitlistPromoter promoter = new WaitlistPromoter(NO_CONNECTION, null, null, null, Clock.systemUTC(),
			EXHAUSTED);

	@Test
	void afterRegisteringAMissingConnectionLeavesThePromotionToTheSweep() {
		assertThatCode(() -> this.promoter.promoteAfterRegistering(7)).doesNotThrowAnyException();
	}

	@Test
	void aStaffChangeStillReportsIt() {
		assertThatThrownBy(() -> this.promoter.promote(7)).isInstanceOf(CannotGetJdbcConnectionException.class);
	}

}
