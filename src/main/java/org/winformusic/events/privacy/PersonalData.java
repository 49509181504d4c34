package org.winformusic.events.privacy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.winformusic.events.admin.PersonalDataTraces;
import org.winformusic.events.mail.OutboxErasure;
import org.winformusic.events.registration.ChangeDetails;
import org.winformusic.events.registration.ManageTokens;
import org.winformusic.events.registration.RegistrationErasure;
import org.winformusic.events.registration.SelfService;
import org.winformusic.events.registration.StaffRegistrations;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.NotFoundException;
import org.winformusic.events.shared.Audited;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ARCO rights on one registration: access (a {@link DataReport}), cancellation
 * (erasure: cancel, then block at once), opposition (stop news). The registrant acts
 * through the manage token; an ADMIN acts for a request that arrived by email. Every
 * erasure is in the audit log, without the erased data.
 */
@Service
class PersonalData {

	static final String ERASED = "PERSONAL_DATA_ERASED";

	static final String EXPORTED = "PERSONAL_DATA_EXPORTED";

	static final String SEARCHED = "PERSONAL_DATA_SEARCHED";

	static final String NEWS_STOPPED = "NEWS_STOPPED";

	private final SelfService selfService;

	private final StaffRegistrations staffRegistrations;

	private final RegistrationErasure erasure;

	private final ManageTokens tokens;

	private final OutboxErasure outbox;

	private final PersonalDataTraces traces;

	private final ApplicationEventPublisher audit;

	private final Clock clock;

	private final DataReports reports;

	PersonalData(SelfService selfService, StaffRegistrations staffRegistrations, RegistrationErasure erasure,
			ManageTokens tokens, OutboxErasure outbox, PersonalDataTraces traces, ApplicationEventPublisher audit,
			Clock clock, DataReports reports) {
		this.selfService = selfService;
		this.staffRegistrations = staffRegistrations;
		this.erasure = erasure;
		this.tokens = tokens;
		this.outbox = outbox;
		this.traces = traces;
		this.audit = audit;
		this.clock = clock;
		this.reports = reports;
	}

	/** The registration behind a manage token, or 404. */
	@Transactional(readOnly = true)
	public RegistrationView byToken(String token) {
		return this.selfService.findByToken(token).orElseThrow(NotFoundException::new);
	}

	/**
	 * Everything held about a registration found by {@link #byToken}, its texts in
	 * {@code locale}.
	 */
	@Transactional(readOnly = true)
	public DataReport report(RegistrationView registration, Locale locale) {
		return this.reports.of(registration, locale);
	}

	/**
	 * The other registrations of this registration's address (other events, or an earlier
	 * one of the same event) that still hold personal data, oldest first, so the erase
	 * page can say that erasing this one leaves them and name their events. Their events
	 * are what the address's inbox already got emails about; but the link the registering
	 * browser got proves no inbox (anyone can type any address), so for that link the
	 * answer is empty: unknown.
	 */
	@Transactional(readOnly = true)
	public Optional<List<RegistrationView>> othersOfAddress(RegistrationView registration, String token) {
		if (this.tokens.mintedWhenRegistering(token) || registration.email() == null) {
			return Optional.empty();
		}
		return Optional.of(this.erasure.findByEmail(registration.email())
			.stream()
			.filter((other) -> other.id() != registration.id())
			.toList());
	}

	/**
	 * Self-service erasure: cancels (the seat goes to the waitlist) and blocks at once.
	 * The manage link stops working. Returns the language the person registered in, for
	 * the page that says it is done.
	 */
	@Transactional
	public Locale eraseByToken(String token) {
		long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
		RegistrationView registration = this.erasure.find(id).orElseThrow(NotFoundException::new);
		if (active(registration)) {
			this.selfService.cancelToErase(token);
		}
		block(registration, Audited.REGISTRANT, null);
		return registration.locale();
	}

	/**
	 * Opposition to news through the manage token; no confirmation email is sent. News
	 * are for a person, not for one registration: every registration of the same address
	 * (any event) stops getting them, each in the audit log. Except with the link the
	 * registering browser got, which proves no inbox (anyone can type any address into
	 * the form): it stops the news of its own registration only, so that it neither
	 * changes nor reveals the choices the address made elsewhere.
	 */
	@Transactional
	public void stopNewsByToken(String token) {
		long id = this.tokens.resolve(token).orElseThrow(NotFoundException::new);
		RegistrationView registration = this.erasure.find(id).orElseThrow(NotFoundException::new);
		for (RegistrationView withNews : withNews(registration, token)) {
			this.erasure.stopNews(withNews.id(), this.clock.instant());
			this.audit.publishEvent(
					new Audited(Audited.REGISTRANT, NEWS_STOPPED, withNews.eventId(), withNews.id(), null, null));
		}
	}

	/**
	 * Whether the address of this registration still gets news through any registration;
	 * with the link the registering browser got, whether this registration does.
	 */
	@Transactional(readOnly = true)
	public boolean getsNews(RegistrationView registration, String token) {
		return !withNews(registration, token).isEmpty();
	}

	/**
	 * Whether the {@link #stopNewsByToken} of this token concerns this registration only.
	 */
	@Transactional(readOnly = true)
	public boolean newsOfThisRegistrationOnly(String token) {
		return this.tokens.mintedWhenRegistering(token);
	}

	private List<RegistrationView> withNews(RegistrationView registration, String token) {
		List<RegistrationView> same = new ArrayList<>(List.of(registration));
		if (registration.email() != null && !this.tokens.mintedWhenRegistering(token)) {
			this.erasure.findByEmail(registration.email())
				.stream()
				.filter((other) -> other.id() != registration.id())
				.forEach(same::add);
		}
		return same.stream().filter(RegistrationView::newsOptIn).toList();
	}

	/**
	 * The registrations of one address across all events, for a data request by email.
	 */
	@Transactional
	public List<RegistrationView> findForRequest(String email) {
		List<RegistrationView> found = this.erasure.findByEmail(email);
		// The address searched for is personal data: the entry says only how many
		// matched.
		this.audit.publishEvent(Audited.byCurrentUser(SEARCHED, null, null, "matches=" + found.size()));
		return found;
	}

	/** Staff export of every registration of an address, each export in the audit log. */
	@Transactional
	public List<DataReport> exportForRequest(String email, Locale locale) {
		List<DataReport> reports = new ArrayList<>();
		for (RegistrationView registration : this.erasure.findByEmail(email)) {
			reports.add(report(registration, locale));
			this.audit.publishEvent(Audited.byCurrentUser(EXPORTED, registration.eventId(), registration.id(), null));
		}
		return reports;
	}

	/** Staff erasure of every registration of an address. @return how many were erased */
	@Transactional
	public int eraseForRequest(String email) {
		List<RegistrationView> found = this.erasure.findByEmail(email);
		found.forEach(this::eraseByStaff);
		return found.size();
	}

	/** Staff erasure of one registration (from its page). */
	@Transactional
	public void eraseByStaff(long registrationId) {
		eraseByStaff(this.erasure.find(registrationId).orElseThrow(NotFoundException::new));
	}

	/** Whether a registration's data is blocked already. */
	@Transactional(readOnly = true)
	public Optional<RegistrationView> findUnblocked(long registrationId) {
		return this.erasure.isBlocked(registrationId) ? Optional.empty() : this.erasure.find(registrationId);
	}

	private void eraseByStaff(RegistrationView registration) {
		if (active(registration)) {
			RegistrationView cancelled = this.staffRegistrations.cancelToErase(registration.id());
			this.audit.publishEvent(Audited.byCurrentUser("CANCELLED", registration.eventId(), registration.id(),
					ChangeDetails.status(registration, cancelled)));
		}
		block(registration, Audited.currentActor(), null);
	}

	private void block(RegistrationView registration, String actor, String ip) {
		List<Long> ids = List.of(registration.id());
		if (this.erasure.block(registration.id(), this.clock.instant())) {
			// The cancellation email just queued goes too: nothing more is sent to an
			// erased address.
			this.outbox.deleteFor(ids);
			this.traces.forget(ids);
			this.audit.publishEvent(new Audited(actor, ERASED, registration.eventId(), registration.id(), null, ip));
		}
	}

	private static boolean active(RegistrationView registration) {
		return registration.status() == RegistrationStatus.PENDING
				|| registration.status() == RegistrationStatus.CONFIRMED
				|| registration.status() == RegistrationStatus.WAITLISTED;
	}

}
