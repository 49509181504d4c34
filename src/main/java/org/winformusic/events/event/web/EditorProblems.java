package org.winformusic.events.event.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;

import org.winformusic.events.event.Countries;
import org.winformusic.events.event.CountryZones;
import org.winformusic.events.event.EventAdministration;
import org.winformusic.events.event.EventForm;
import org.winformusic.events.event.EventSave;
import org.winformusic.events.event.FieldProblems;
import org.winformusic.events.event.RepeatedTime;
import org.winformusic.events.shared.EventTimes;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The event editor's words that need more than a message key: the problems its checks
 * found, each next to its field with what its message names (the zone's city, the maximum
 * length, the country), and the notices after a save: whom a move emails, which times
 * happen twice.
 */
@Component
class EditorProblems {

	/** The message of Bean Validation's length limits on the form's fields. */
	private static final String TOO_LONG = "{eventadmin.error.tooLong}";

	private final EventTimes times;

	private final MessageSource messages;

	EditorProblems(EventTimes times, MessageSource messages) {
		this.times = times;
		this.messages = messages;
	}

	/**
	 * Puts each problem of the editor's checks on its field, unless the field has one
	 * already.
	 * @return whether the form has no problem at all
	 */
	boolean valid(Map<String, String> errors, EventForm form, BindingResult result, Locale locale) {
		errors.forEach((field, problem) -> {
			if (result.hasFieldErrors(field)) {
				return;
			}
			String code = FieldProblems.key(problem);
			Object[] arguments = switch (code) {
				case EventAdministration.ZONE_ELSEWHERE -> zoneElsewhere(form, locale);
				case EventAdministration.CLOCKS_CHANGE -> new Object[] { city(form, locale) };
				default -> FieldProblems.arguments(problem);
			};
			result.rejectValue(field, code, arguments, null);
		});
		return !result.hasErrors();
	}

	/**
	 * The form's problems with "too long" saying the maximum ("máximo 2,000 caracteres",
	 * the number written for the reader's language): Bean Validation's message cannot
	 * format its number, so each such error is put back with the editor's own message and
	 * the limit as its argument.
	 * @return the binding result the page shows now
	 */
	BindingResult sayTheMaximum(Model model, BindingResult result) {
		if (result.getFieldErrors().stream().noneMatch(EditorProblems::tooLong)) {
			return result;
		}
		BindingResult said = new BeanPropertyBindingResult(result.getTarget(), result.getObjectName());
		result.getGlobalErrors().forEach(said::addError);
		for (FieldError error : result.getFieldErrors()) {
			said.addError(
					tooLong(error)
							? new FieldError(error.getObjectName(), error.getField(), error.getRejectedValue(), false,
									new String[] { FieldProblems.MAX_LENGTH }, new Object[] { maximum(error) }, null)
							: error);
		}
		model.addAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), said);
		return said;
	}

	private static boolean tooLong(FieldError error) {
		return violation(error) != null && TOO_LONG.equals(violation(error).getMessageTemplate());
	}

	private static ConstraintViolation<?> violation(FieldError error) {
		return error.contains(ConstraintViolation.class) ? error.unwrap(ConstraintViolation.class) : null;
	}

	private static Object maximum(FieldError error) {
		return violation(error).getConstraintDescriptor().getAttributes().get("max");
	}

	/**
	 * The sentence that follows "Guardado." after a save that moved the event: how many
	 * people will be emailed about the change of what ("del cambio de lugar"), or that
	 * nobody will be and why; null when the save moved nothing.
	 */
	String moveNotice(EventSave save, Locale locale) {
		if (!save.moved()) {
			return null;
		}
		List<String> parts = new ArrayList<>();
		if (save.date()) {
			parts.add(word("eventadmin.move.date", locale));
		}
		if (save.time()) {
			parts.add(word("eventadmin.move.time", locale));
		}
		if (save.venue()) {
			parts.add(word("eventadmin.move.venue", locale));
		}
		String what = (parts.size() == 1) ? parts.get(0) : this.messages.getMessage("eventadmin.move.and",
				new Object[] { String.join(", ", parts.subList(0, parts.size() - 1)), parts.get(parts.size() - 1) },
				locale);
		String key = (save.people() == 0) ? "eventadmin.move.nobody"
				: save.told() ? "eventadmin.move.told" : "eventadmin.move.notTold";
		return this.messages.getMessage(key, new Object[] { save.people(), what }, locale);
	}

	/**
	 * After a save, one sentence for each time that happens twice in the event's zone
	 * (the night the clocks go back): which one was saved, the first, with its offset
	 * from UTC ({@link RepeatedTime}); empty when there is none.
	 */
	List<String> repeatedTimes(EventForm form, Locale locale) {
		return RepeatedTime.in(form)
			.stream()
			.map((t) -> this.messages.getMessage("eventadmin.twice",
					new Object[] { word("eventadmin.twice." + t.field(), locale),
							this.times.dateTime(t.saved(), t.zone(), locale), city(form, locale),
							"UTC" + t.offset().getId() },
					locale))
			.toList();
	}

	private String word(String key, Locale locale) {
		return this.messages.getMessage(key, null, locale);
	}

	/** The city of the form's zone, or its id when it is named after none. */
	private String city(EventForm form, Locale locale) {
		ZoneId zone = ZoneId.of(form.timeZone().strip());
		String city = this.times.city(zone, locale);
		return (city != null) ? city : zone.getId();
	}

	/**
	 * What the message of a zone outside the country names: the zone (id and words), the
	 * country as a sentence says it ("the United States"), the country's main zone (id
	 * and words), how many zones it has, and the country after "of" ("del Reino Unido":
	 * Spanish contracts, which a resolved field error can no longer do).
	 */
	private Object[] zoneElsewhere(EventForm form, Locale locale) {
		ZoneId zone = ZoneId.of(form.timeZone().strip());
		String country = form.countryCode();
		List<ZoneId> zones = CountryZones.of(country);
		return new Object[] { zone.getId(), this.times.zoneName(zone, locale), Countries.inSentence(country, locale),
				zones.get(0).getId(), this.times.zoneName(zones.get(0), locale), zones.size(),
				Countries.withOf(country, locale) };
	}

}
