package org.winformusic.events.shared;

import java.util.function.Consumer;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Adjusts a bean that an auto-configuration creates, before it is initialized, where
 * Spring Boot has no property for the setting. Return it from a {@code static} bean
 * method, so that it applies to beans created early.
 */
public final class BeanCustomizer {

	private BeanCustomizer() {
	}

	/** A post-processor that hands every bean of {@code type} to {@code customizer}. */
	public static <T> BeanPostProcessor of(Class<T> type, Consumer<T> customizer) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (type.isInstance(bean)) {
					customizer.accept(type.cast(bean));
				}
				return bean;
			}

		};
	}

}
