package org.winformusic.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The real PostgreSQL every integration test runs against: a Testcontainers
 * {@code postgres:17} when a Docker engine answers, otherwise an embedded PostgreSQL
 * server (zonky, real binaries) started once per JVM, in which each application context
 * gets a fresh database of its own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

	private static final Log logger = LogFactory.getLog(TestDatabaseConfiguration.class);

	private static final AtomicInteger databases = new AtomicInteger();

	private static Boolean dockerAvailable;

	private static EmbeddedPostgres embedded;

	/** The pools of application contexts not closed yet. */
	private static final Set<HikariDataSource> openPools = ConcurrentHashMap.newKeySet();

	/**
	 * How long the server waits, when the JVM exits, for the cached application contexts
	 * (closed by their own shutdown hooks, at the same time) to stop using it.
	 */
	private static final long POOLS_CLOSE_WAIT_MILLIS = 20_000;

	@Bean
	@ServiceConnection
	@Conditional(DockerAvailable.class)
	PostgreSQLContainer postgresContainer() {
		return new PostgreSQLContainer(DockerImageName.parse("postgres:17"));
	}

	@Bean(destroyMethod = "close")
	@Conditional(DockerUnavailable.class)
	HikariDataSource dataSource() {
		return newEmbeddedDatabase();
	}

	/**
	 * A new, empty database in the shared embedded server, with a pool of its own; every
	 * registrant written to it is remembered ({@link RegistrantTrace}).
	 */
	public static synchronized HikariDataSource newEmbeddedDatabase() {
		EmbeddedPostgres server = embeddedServer();
		String name = "test_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		try (Connection connection = server.getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		RegistrantTrace.install(server.getJdbcUrl("postgres", name));
		HikariDataSource dataSource = new HikariDataSource() {
			@Override
			public void close() {
				super.close();
				poolClosed(this);
			}
		};
		openPools.add(dataSource);
		dataSource.setJdbcUrl(server.getJdbcUrl("postgres", name));
		dataSource.setUsername("postgres");
		dataSource.setMaximumPoolSize(20);
		// The suite keeps a few dozen contexts cached, each with its pool, against one
		// server (max_connections 300): an idle context keeps two connections, not 20.
		dataSource.setMinimumIdle(2);
		dataSource.setIdleTimeout(10_000);
		// A statement that waits on a bad plan or a lock fails its test with the
		// statement's name instead of hanging the run (the pool here has no socket
		// timeout, unlike application.properties'): no test statement needs minutes.
		dataSource.setConnectionInitSql("set statement_timeout = '5min'");
		return dataSource;
	}

	static synchronized boolean dockerAvailable() {
		if (dockerAvailable == null) {
			boolean available;
			try {
				available = DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException ex) {
				available = false;
			}
			dockerAvailable = available;
			logger.info(available ? "Tests use PostgreSQL 17 in a Testcontainers container (Docker answers)"
					: "Tests use embedded PostgreSQL (zonky): no Docker engine answers");
		}
		return dockerAvailable;
	}

	private static EmbeddedPostgres embeddedServer() {
		if (embedded == null) {
			try {
				embedded = EmbeddedPostgres.builder()
					.setServerConfig("max_connections", "300")
					.setServerConfig("fsync", "off")
					.setServerConfig("synchronous_commit", "off")
					.setServerConfig("full_page_writes", "off")
					.setRegisterShutdownHook(false)
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
			}
			// Stopped after the contexts' own shutdown (the outbox sender puts back what
			// it
			// claimed, the pools close): stopped first, every context's shutdown waited
			// on a database that was gone until Surefire killed the JVM.
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				awaitPoolsClosed();
				try {
					embedded.close();
				}
				catch (IOException ex) {
					// The JVM is exiting: nothing left to clean up with.
				}
			}));
		}
		return embedded;
	}

	private static void poolClosed(HikariDataSource pool) {
		synchronized (openPools) {
			openPools.remove(pool);
			openPools.notifyAll();
		}
	}

	private static void awaitPoolsClosed() {
		long deadline = System.currentTimeMillis() + POOLS_CLOSE_WAIT_MILLIS;
		synchronized (openPools) {
			long left;
			while (!openPools.isEmpty() && (left = deadline - System.currentTimeMillis()) > 0) {
				try {
					openPools.wait(left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	static class DockerAvailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return dockerAvailable();
		}

	}

	static class DockerUnavailable implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return !dockerAvailable();
		}

	}

}
