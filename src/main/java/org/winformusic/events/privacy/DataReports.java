package org.winformusic.events.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.winformusic.events.admin.PersonalDataTraces;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.mail.OutboxErasure;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.shared.NotFoundException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the {@link DataReport} of a registration from what each module holds about it,
 * its words in the reader's language: the access right gives the person all their data in
 * a form they can read, not codes.
 */
@Component
class DataReports {

	private final EventCatalog catalog;

	private final PersonalDataTraces traces;

	private final OutboxErasure outbox;

	private final RegistrationAnswers answers;

	private final MessageSource messages;

	private final SelfService selfService;

	private final Clock clock;

	DataReports(EventCatalog catalog, PersonalDataTraces traces, OutboxErasure outbox, RegistrationAnswers answers,
			MessageSource messages, SelfService selfService, Clock clock) {
		this.selfService = selfService;
		this.catalog = catalog;
		this.traces = traces;
		this.outbox = outbox;
		this.answers = answers;
		this.messages = messages;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	DataReport of(RegistrationView registration, Locale locale) {
		EventInfo event = this.catalog.findById(registration.eventId(), locale).orElseThrow(NotFoundException::new);
		List<DataReport.HistoryItem> history = this.traces
			.historyOf(registration.id(), event.id(), event.country(), event.zone(), locale)
			.stream()
			.map((entry) -> new DataReport.HistoryItem(entry.at(), entry.action(),
					historyWords(entry.action(), event, locale), entry.changes()))
			.toList();
		List<DataReport.Note> notes = this.traces.notesOf(registration.id())
			.stream()
			.map((note) -> new DataReport.Note(note.at(), note.text()))
			.toList();
		List<DataReport.Email> emails = this.outbox.emailsOf(registration.id())
			.stream()
			.map((email) -> new DataReport.Email(email.kind(), word("mail.kind." + email.kind(), locale),
					to(email, registration), email.subject(), email.status(),
					word("mail.status." + email.status(), locale), email.createdAt(), email.sentAt()))
			.toList();
		DataReport.PendingEmailChange pending = this.selfService.waitingEmailChange(registration)
			.map((waiting) -> new DataReport.PendingEmailChange(waiting.newEmail(), waiting.requestedAt()))
			.orElse(null);
		return new DataReport(this.clock.instant(), event.zone().getId(), event.slug(), event.title(), registration,
				this.answers.of(registration.id(), registration.eventId(), locale, true), pending, history, notes,
				emails);
	}

	/**
	 * "Dejaste de recibir noticias de WIN y de la Red LatAm": where the event is in Latin
	 * America, its news came from the LatAm Network too.
	 */
	static String newsFrom(MessageSource messages, EventInfo event, Locale locale) {
		return messages.getMessage(event.latinAmerican() ? "rights.news.from.latam" : "rights.news.from", null, locale);
	}

	private String historyWords(String action, EventInfo event, Locale locale) {
		Object[] arguments = PersonalData.NEWS_STOPPED.equals(action)
				? new Object[] { newsFrom(this.messages, event, locale) } : null;
		String words = this.messages.getMessage("privacy.history." + action, arguments, null, locale);
		return (words != null) ? words : word("privacy.history.other", locale);
	}

	/**
	 * The address an email went to; one still waiting goes to the registration's address
	 * (the sender sets the recipient when it sends).
	 */
	private static String to(OutboxErasure.SentEmail email, RegistrationView registration) {
		if (email.recipient() != null) {
			return email.recipient();
		}
		return ("PENDING".equals(email.status()) || "SENDING".equals(email.status())) ? registration.email() : null;
	}

	private String word(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

}
