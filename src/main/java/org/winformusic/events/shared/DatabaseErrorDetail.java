package org.winformusic.events.shared;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * PostgreSQL explains a failed constraint with the row's values ("Failing row contains
 * (…, name, email, …)"), and the JDBC driver copies that detail into the exception
 * message, which Spring's exception translation, Hikari and any error log line then
 * print. {@code logServerErrorDetail=false} keeps the server's detail out of exception
 * messages on every pooled connection, in production and in tests alike, so no log line
 * can carry a registrant's data that way.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseErrorDetail {

	static final String PROPERTY = "logServerErrorDetail";

	@Bean
	static BeanPostProcessor noServerErrorDetailInExceptions() {
		return BeanCustomizer.of(HikariDataSource.class,
				(dataSource) -> dataSource.addDataSourceProperty(PROPERTY, "false"));
	}

}
