package org.winformusic.events.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keeps what staff typed into a field the binder could not convert ("1e3" in a number
 * field): the form holds null there, so the page would show the field empty next to
 * "Escribe un número entero". Before a page renders, the values of such binding failures
 * go to the model as {@value #ATTRIBUTE} (field name → text as typed), which the field
 * fragments show instead of the form's value. The message itself comes from the
 * {@code typeMismatch} codes of the message files.
 */
@Configuration(proxyBeanMethods = false)
class TypedValues implements WebMvcConfigurer {

	static final String ATTRIBUTE = "typedValues";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// Only staff forms have fields that convert (fragments/admin-fields.html).
		registry.addInterceptor(new Interceptor()).addPathPatterns("/admin/**");
	}

	static final class Interceptor implements HandlerInterceptor {

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				ModelAndView view) {
			if (view == null || view.wasCleared() || view.getViewName() == null
					|| view.getViewName().startsWith("redirect:")) {
				return;
			}
			Map<String, String> typed = new LinkedHashMap<>();
			view.getModel().forEach((name, value) -> {
				if (name.startsWith(BindingResult.MODEL_KEY_PREFIX) && value instanceof BindingResult result) {
					for (FieldError error : result.getFieldErrors()) {
						String text = text(error.getRejectedValue());
						if (error.isBindingFailure() && text != null) {
							typed.putIfAbsent(error.getField(), text);
						}
					}
				}
			});
			if (!typed.isEmpty()) {
				view.addObject(ATTRIBUTE, typed);
			}
		}

		private static String text(Object rejected) {
			if (rejected instanceof String text) {
				return text;
			}
			if (rejected instanceof String[] texts && texts.length > 0) {
				return texts[0];
			}
			return null;
		}

	}

}
