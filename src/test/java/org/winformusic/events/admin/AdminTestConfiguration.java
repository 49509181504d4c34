package org.winformusic.events.admin;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.winformusic.events.MovableClock;
import org.winformusic.events.registration.RegistrationMessage;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;

/**
 * What the admin tests need besides the application: a clock they can move (login
 * throttling) and a count of the SQL statements the current thread prepares (no N+1).
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(MovableClock.AsApplicationClock.class)
class AdminTestConfiguration {

	@Bean
	SentMessages sentMessages() {
		return new SentMessages();
	}

	/**
	 * The registrant messages published (inside the transaction of each change), as the
	 * mail feature receives them.
	 */
	static class SentMessages {

		private final java.util.List<RegistrationMessage> messages = new java.util.concurrent.CopyOnWriteArrayList<>();

		@EventListener
		void on(RegistrationMessage message) {
			this.messages.add(message);
		}

		java.util.List<RegistrationMessage.Type> typesFor(long registrationId) {
			return this.messages.stream()
				.filter((m) -> m.registrationId() == registrationId)
				.map(RegistrationMessage::type)
				.toList();
		}

	}

	@Bean
	static BeanPostProcessor statementCountingDataSource() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof DataSource dataSource && !(bean instanceof CountedDataSource))
						? StatementCounter.wrap(dataSource) : bean;
			}
		};
	}

	/** Marker of the wrapped data source. */
	interface CountedDataSource extends DataSource, AutoCloseable {

	}

	/**
	 * Counts statements prepared on the current thread while counting is on, and keeps
	 * the SQL of those prepared with a text (for plan tests).
	 */
	static final class StatementCounter {

		private static final ThreadLocal<AtomicInteger> count = new ThreadLocal<>();

		private static final ThreadLocal<java.util.List<String>> prepared = new ThreadLocal<>();

		private StatementCounter() {
		}

		static void start() {
			count.set(new AtomicInteger());
			prepared.set(new java.util.ArrayList<>());
		}

		static int stop() {
			AtomicInteger counted = count.get();
			count.remove();
			prepared.remove();
			return (counted != null) ? counted.get() : 0;
		}

		/** Stops counting; returns the SQL of the statements prepared since the start. */
		static java.util.List<String> stopAndList() {
			java.util.List<String> sql = prepared.get();
			stop();
			return (sql != null) ? sql : java.util.List.of();
		}

		static DataSource wrap(DataSource target) {
			return (DataSource) Proxy.newProxyInstance(AdminTestConfiguration.class.getClassLoader(),
					new Class<?>[] { CountedDataSource.class }, (proxy, method, args) -> {
						if (method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(target)) {
							return target;
						}
						if (method.getName().equals("isWrapperFor") && ((Class<?>) args[0]).isInstance(target)) {
							return true;
						}
						Object result = invoke(method, target, args);
						return (result instanceof java.sql.Connection connection) ? wrap(connection) : result;
					});
		}

		private static java.sql.Connection wrap(java.sql.Connection target) {
			return (java.sql.Connection) Proxy.newProxyInstance(AdminTestConfiguration.class.getClassLoader(),
					new Class<?>[] { java.sql.Connection.class }, (proxy, method, args) -> {
						String name = method.getName();
						if (name.equals("prepareStatement") || name.equals("createStatement")
								|| name.equals("prepareCall")) {
							AtomicInteger counted = count.get();
							if (counted != null) {
								counted.incrementAndGet();
							}
							java.util.List<String> sql = prepared.get();
							if (sql != null && args != null && args.length > 0 && args[0] instanceof String text) {
								sql.add(text);
							}
						}
						if (name.equals("unwrap") && ((Class<?>) args[0]).isInstance(target)) {
							return target;
						}
						return invoke(method, target, args);
					});
		}

		private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getTargetException();
			}
		}

	}

}
