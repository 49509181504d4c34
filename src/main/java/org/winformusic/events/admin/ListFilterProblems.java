package org.winformusic.events.admin;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationQuery;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The registrations list opened with a filter its event does not have: a link copied from
 * another event's list (Colombia's department {@code DC} on a Brazilian event), a
 * bookmark from before a change, a value typed by hand. Staff get a 400 page in the admin
 * layout that names the filter as the list labels it ("Departamento", not {@code state})
 * and links to the event's whole list, not the public "we could not understand the
 * request, check the form", which names no form and no way back.
 */
@ControllerAdvice(assignableTypes = RegistrationsController.class)
class ListFilterProblems {

	static final String VIEW = "admin/bad-filter";

	private static final int VALUE_SHOWN = 100;

	private final EventCatalog catalog;

	private final Regions regions;

	private final MessageSource messages;

	ListFilterProblems(EventCatalog catalog, Regions regions, MessageSource messages) {
		this.catalog = catalog;
		this.regions = regions;
		this.messages = messages;
	}

	@ExceptionHandler
	ModelAndView badFilter(RegistrationQuery.InvalidParameterException problem, HttpServletRequest request,
			Locale locale) {
		ModelAndView page = new ModelAndView(VIEW, HttpStatus.BAD_REQUEST);
		String value = String.valueOf(problem.value()).strip();
		page.addObject("value", (value.length() > VALUE_SHOWN) ? value.substring(0, VALUE_SHOWN) + "…" : value);
		EventInfo event = event(request, locale);
		page.addObject("event", event);
		page.addObject("filter", label(problem.parameter(), (event != null) ? event.country() : null, locale));
		return page;
	}

	private EventInfo event(HttpServletRequest request, Locale locale) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		Object slug = (variables instanceof Map<?, ?> map) ? map.get("slug") : null;
		return (slug != null) ? this.catalog.findBySlug(slug.toString(), locale).orElse(null) : null;
	}

	/** The filter as the list page labels it. */
	private String label(String parameter, String country, Locale locale) {
		if ("state".equals(parameter) && country != null) {
			return this.regions.fieldLabel(country, "admin.registrations.state", locale);
		}
		String key = switch (parameter) {
			case "status" -> "admin.registrations.status";
			case "companyType" -> "admin.registrations.companyType";
			case "state" -> "admin.registrations.state";
			case "associationInterest" -> "admin.registrations.interest";
			case "checkedIn" -> "admin.registrations.checkedIn";
			case "choice" -> "questions.filter.label";
			case "yesNo" -> "questions.filter.yesNo";
			default -> "admin.badFilter.page";
		};
		return this.messages.getMessage(key, null, locale);
	}

}
