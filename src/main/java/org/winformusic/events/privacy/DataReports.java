package org.winformusic.events.privacy;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.winformusic.events.admin.PersonalDataTraces;
import org.winformusic.events.event.EventCatalog;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.mail.OutboxErasure;
import org.winformusic.events.registration.Regions;
import org.winformusic.events.registration.RegistrationAnswers;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.shared.EventTimes;
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

	private final Regions regions;

	private final EventTimes times;

	private final Clock clock;

	DataReports(EventCatalog catalog, PersonalDataTraces traces, OutboxErasure outbox, RegistrationAnswers answers,
			MessageSource messages, SelfService selfService, Regions regions, EventTimes times, Clock clock) {
		this.selfService = selfService;
		this.regions = regions;
		this.times = times;
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
			.map((entry) -> new DataReport.HistoryItem(entry.at(), entry.action(), historyWords(entry, event, locale),
					entry.changes()))
			.toList();
		List<DataReport.Note> notes = this.traces.notesOf(registration.id())
			.stream()
			.map((note) -> new DataReport.Note(note.at(), note.text()))
			.toList();
		List<DataReport.Email> emails = this.outbox.emailsOf(registration.id())
			.stream()
			.map((email) -> new DataReport.Email(email.kind(),
					word("privacy.email.kind." + email.kind(), "mail.kind." + email.kind(), locale),
					to(email, registration), email.subject(), email.status(),
					word("privacy.email.status." + email.status(), "mail.status." + email.status(), locale),
					email.createdAt(), email.sentAt()))
			.toList();
		DataReport.PendingEmailChange pending = this.selfService.waitingEmailChange(registration)
			.map((waiting) -> new DataReport.PendingEmailChange(waiting.newEmail(), waiting.requestedAt()))
			.orElse(null);
		List<DataReport.Answer> answers = this.answers.of(registration.id(), registration.eventId(), locale, true)
			.stream()
			.map((answer) -> new DataReport.Answer(answer.label(), answer.value(), answer.removed()))
			.toList();
		return new DataReport(this.clock.instant(), event.zone().getId(), this.times.zoneName(event.zone(), locale),
				event.slug(), event.title(), event.startsAt(), event.endsAt(),
				this.times.range(event.startsAt(), event.endsAt(), event.zone(), locale), event.venueName(),
				event.venuePlace(), details(registration, event, locale), answers, pending, history, notes, emails);
	}

	/** The registration's fields, each code with the words the data page shows. */
	private DataReport.Registration details(RegistrationView r, EventInfo event, Locale locale) {
		return new DataReport.Registration(r.status(), word("registration.status.short." + r.status(), locale),
				r.waitlistPosition(), r.fullName(), r.email(), r.company(), r.jobTitle(), r.companyType(),
				word("registration.companyType." + r.companyType(), locale), r.state(),
				this.regions.label(event.country(), r.state(), locale), r.city(), r.phone(), r.associationInterest(),
				word("registration.interest." + r.associationInterest(), locale), r.referralSource(), r.comments(),
				r.newsOptIn(), r.privacyConsentVersion(), r.privacyConsentAt(), r.locale(),
				(r.locale() != null) ? r.locale().getDisplayLanguage(locale) : null, r.createdAt(), r.updatedAt(),
				r.confirmedAt(), r.cancelledAt(), r.declinedAt(), r.checkedInAt());
	}

	/**
	 * "Dejaste de recibir noticias de WIN y de la Red LatAm": where the event is in Latin
	 * America, its news came from the LatAm Network too.
	 */
	static String newsFrom(MessageSource messages, EventInfo event, Locale locale) {
		return messages.getMessage(event.latinAmerican() ? "rights.news.from.latam" : "rights.news.from", null, locale);
	}

	/**
	 * What an entry did, to the registrant: the words for its action from the status it
	 * changed ({@code privacy.history.MOVED_TO_WAITLIST.from.PENDING}, a request approved
	 * onto the waitlist, not a seat taken away) when there are such words, else for the
	 * action.
	 */
	private String historyWords(PersonalDataTraces.HistoryEntry entry, EventInfo event, Locale locale) {
		String action = entry.action();
		Object[] arguments = PersonalData.NEWS_STOPPED.equals(action)
				? new Object[] { newsFrom(this.messages, event, locale) } : null;
		String words = (entry.statusBefore() != null) ? this.messages
			.getMessage("privacy.history." + action + ".from." + entry.statusBefore(), arguments, null, locale) : null;
		if (words == null) {
			words = this.messages.getMessage("privacy.history." + action, arguments, null, locale);
		}
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

	/** The registrant's words for a code, else staff's (a code added since). */
	private String word(String key, String staffKey, Locale locale) {
		String words = this.messages.getMessage(key, null, null, locale);
		return (words != null) ? words : word(staffKey, locale);
	}

}
