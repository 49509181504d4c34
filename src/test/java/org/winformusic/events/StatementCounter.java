package org.winformusic.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the current thread prepares while counting is on (the
 * application's scheduled jobs, on threads of their own, are not counted), and keeps the
 * SQL of those prepared with a text. Import {@link Installed} to wrap the application's
 * data source.
 */
public final class StatementCounter {

	private static final ThreadLocal<AtomicInteger> count = new ThreadLocal<>();

	private static final ThreadLocal<List<String>> prepared = new ThreadLocal<>();

	private static final ThreadLocal<AtomicInteger> borrowed = new ThreadLocal<>();

	private StatementCounter() {
	}

	public static void start() {
		count.set(new AtomicInteger());
		prepared.set(new ArrayList<>());
		borrowed.set(new AtomicInteger());
	}

	/**
	 * How many connections this thread has taken from the data source since the start
	 * (one per transaction, and one per statement outside of one); counting goes on.
	 */
	public static int connections() {
		AtomicInteger counted = borrowed.get();
		return (counted != null) ? counted.get() : 0;
	}

	/** Stops counting; returns how many statements were prepared since the start. */
	public static int stop() {
		AtomicInteger counted = count.get();
		count.remove();
		prepared.remove();
		borrowed.remove();
		return (counted != null) ? counted.get() : 0;
	}

	/** Stops counting; returns the SQL of the statements prepared since the start. */
	public static List<String> stopAndList() {
		List<String> sql = prepared.get();
		stop();
		return (sql != null) ? sql : List.of();
	}

	static DataSource wrap(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { CountedDataSource.class }, (proxy, method, args) -> {
					if (method.getName().equals("unwrap") && ((Class<?>) args[0]).isInstance(target)) {
						return target;
					}
					if (method.getName().equals("isWrapperFor") && ((Class<?>) args[0]).isInstance(target)) {
						return true;
					}
					Object result = invoke(method, target, args);
					if (result instanceof Connection connection) {
						AtomicInteger counted = borrowed.get();
						if (counted != null) {
							counted.incrementAndGet();
						}
						return wrap(connection);
					}
					return result;
				});
	}

	private static Connection wrap(Connection target) {
		return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					String name = method.getName();
					if (name.equals("prepareStatement") || name.equals("createStatement")
							|| name.equals("prepareCall")) {
						AtomicInteger counted = count.get();
						if (counted != null) {
							counted.incrementAndGet();
						}
						List<String> sql = prepared.get();
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

	private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
	}

	/** Marker of the wrapped data source. */
	interface CountedDataSource extends DataSource, AutoCloseable {

	}

	/** Wraps the application's data source so that {@link StatementCounter} counts. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Installed {

		@Bean
		static BeanPostProcessor statementCountingDataSource() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof DataSource dataSource && !(bean instanceof CountedDataSource))
							? wrap(dataSource) : bean;
				}
			};
		}

	}

}
