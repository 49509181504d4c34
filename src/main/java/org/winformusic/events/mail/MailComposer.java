package org.winformusic.events.mail;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.EventMoved;
import org.winformusic.events.registration.CalendarFile;
import org.winformusic.events.registration.CheckinQrCode;
import org.winformusic.events.registration.EmailChanges;
import org.winformusic.events.registration.RegistrationMessage;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.AppProperties;
import org.winformusic.events.shared.EmailAddresses;
import org.winformusic.events.shared.EventTimes;
import org.winformusic.events.shared.MailFrom;
import org.winformusic.events.shared.PrivacyContact;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders an email from {@code templates/mail/<kind>.html} and {@code .txt} in the
 * registrant's language. Its own template engine (not the web one): plain text needs the
 * TEXT mode, and emails never see a request. Emails that admit the registrant (confirmed,
 * promoted, event reminder) carry the door check-in QR code (the check-in pass, never the
 * manage link) as an inline PNG. Called by the sender when it sends, and for the staff
 * preview with a placeholder instead of a live link.
 */
@Component
class MailComposer {

	/** The Content-ID of the inline check-in QR code image. */
	static final String CHECKIN_QR_CONTENT_ID = "checkin-qr";

	/** Stands for the manage token in a staff preview. */
	static final String LINK_PLACEHOLDER = "…";

	private final SpringTemplateEngine templates;

	private final MessageSource messages;

	private final EventTimes times;

	private final AppProperties app;

	private final CheckinQrCode checkinQr;

	private final PrivacyContact privacyContact;

	private final MailFrom from;

	/**
	 * Where replies go: the privacy contact when it is an email address. The ended emails
	 * ask people to reply, and the From is often an address nobody reads.
	 */
	private final String replyTo;

	private static final DateTimeFormatter GOOGLE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/** Tells whether the event is over when the email is composed. */
	private final Clock clock;

	MailComposer(MessageSource messages, EventTimes times, AppProperties app, CheckinQrCode checkinQr,
			PrivacyContact privacyContact, MailFrom from) {
		this(messages, times, app, checkinQr, privacyContact, from, Clock.systemUTC());
	}

	@Autowired
	MailComposer(MessageSource messages, EventTimes times, AppProperties app, CheckinQrCode checkinQr,
			PrivacyContact privacyContact, MailFrom from, Clock clock) {
		this.clock = clock;
		this.privacyContact = privacyContact;
		this.from = from;
		this.replyTo = EmailAddresses.plainAddress(privacyContact.contact());
		this.messages = messages;
		this.times = times;
		this.app = app;
		this.checkinQr = checkinQr;
		this.templates = new SpringTemplateEngine();
		this.templates.setTemplateEngineMessageSource(messages);
		// "mail/x.txt" is plain text; "mail/x" (fragments included) is mail/x.html.
		this.templates.addTemplateResolver(resolver(TemplateMode.TEXT, "mail/*.txt", "", 1));
		this.templates.addTemplateResolver(resolver(TemplateMode.HTML, "mail/*", ".html", 2));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/**
	 * The email telling {@code registration} about {@code kind}, with a live link: the
	 * manage link of {@code token}, or (a new address asked for) the confirmation link of
	 * {@code token}; none for a kind that carries no link ({@link #carriesManageLink}).
	 */
	Composed compose(RegistrationMessage.Type kind, RegistrationView registration, EventInfo event, String token) {
		return compose(kind, registration, event, token, null);
	}

	/**
	 * The same, for a moved event's email that knows when and where the event was
	 * ({@code movedFrom}, or null): it says what changed, before and now.
	 */
	Composed compose(RegistrationMessage.Type kind, RegistrationView registration, EventInfo event, String token,
			EventMoved.Before movedFrom) {
		return compose(kind, registration, event, token, true, movedFrom);
	}

	/**
	 * The same email for staff to read: the personal link is a placeholder and no image
	 * is drawn. Nothing live is in it.
	 */
	Composed preview(RegistrationMessage.Type kind, RegistrationView registration, EventInfo event,
			EventMoved.Before movedFrom) {
		return compose(kind, registration, event, LINK_PLACEHOLDER, false, movedFrom);
	}

	private Composed compose(RegistrationMessage.Type kind, RegistrationView registration, EventInfo event,
			String token, boolean withImage, EventMoved.Before movedFrom) {
		String manageLink = carriesManageLink(kind) ? this.app.link("/r/" + token) : null;
		String confirmLink = (kind == RegistrationMessage.Type.EMAIL_CONFIRM)
				? this.app.link(EmailChanges.CONFIRM_PATH + token) : null;
		Locale locale = registration.locale();
		// A confirmation for someone already checked in (added at the door, or an email
		// held up until they came) says so: no entry code to show, no calendar entry to
		// add; the link to their registration and their data stays.
		boolean arrived = kind == RegistrationMessage.Type.CONFIRMED && registration.checkedInAt() != null;
		boolean withCheckinQr = carriesCheckinQr(kind) && !arrived;
		// Calendar actions only for someone who holds a seat (a moved event's email moves
		// the entry of those confirmed); someone who lost it gets a file that takes the
		// entry out of their calendar.
		boolean withCalendar = withCheckinQr || (kind == RegistrationMessage.Type.EVENT_CHANGED
				&& registration.status() == RegistrationStatus.CONFIRMED);
		boolean ended = endsRegistration(kind);
		// Only an entry that was added is taken out: a cancelled or declined registration
		// keeps the time it was confirmed, one that never held a seat (or whose seat was
		// withdrawn, which took the entry out then) has none.
		boolean removesEntry = kind == RegistrationMessage.Type.SEAT_WITHDRAWN
				|| (ended && registration.confirmedAt() != null);
		String subject = Headers
			.clean(this.messages.getMessage("mail.subject." + kind.name(), new Object[] { event.title() }, locale));
		String eventLink = this.app.link("/events/" + event.slug());
		Context context = new Context(locale);
		Map<String, Object> variables = new HashMap<>();
		variables.put("subject", subject);
		// The confirmation of a new address goes where whoever holds the manage link
		// chose: it carries no text the registrant typed, not even the name, so it cannot
		// carry a message of theirs to any address.
		variables.put("name",
				(kind == RegistrationMessage.Type.EMAIL_CONFIRM) ? null : Headers.clean(registration.fullName()));
		variables.put("event", event);
		variables.put("when", this.times.range(event.startsAt(), event.endsAt(), event.zone(), locale));
		variables.put("changed", (kind == RegistrationMessage.Type.EVENT_CHANGED)
				? EventChangeWords.of(movedFrom, event, this.messages, this.times, locale) : EventChangeWords.UNKNOWN);
		variables.put("manageLink", manageLink);
		variables.put("confirmLink", confirmLink);
		variables.put("withManageLink", manageLink != null && !ended);
		variables.put("withCalendar", withCalendar);
		variables.put("ended", ended);
		variables.put("heldSeat", removesEntry);
		variables.put("withCheckinQr", withCheckinQr);
		variables.put("arrived", arrived);
		// After the end a registration is a record: its link offers no change.
		boolean over = event.ended(this.clock.instant());
		variables.put("over", over);
		// Once the event has started no email asks anyone to give up their place for
		// someone else: whoever is not coming simply does not come.
		boolean started = !this.clock.instant().isBefore(event.startsAt());
		variables.put("started", started);
		// A seat that came while the event runs: come now, until its end.
		variables.put("runningUntil", (!over && started) ? this.times.time(event.endsAt(), event.zone()) : null);
		// With its zone, as every other time in the emails ("hora de la Ciudad de
		// México").
		variables.put("runningZone", this.times.zoneName(event.zone(), locale));
		variables.put("withImage", withImage);
		variables.put("doorCode", (withCheckinQr && withImage) ? this.checkinQr.doorCode(registration.id()) : null);
		variables.put("kind", kind.name());
		// The link reminder goes to any status: it says which, and offers no change to
		// a registration that can no longer be changed.
		variables.put("status", registration.status().name());
		// Someone who arrived can no longer cancel: their link is to see their record.
		variables.put("active", registration.status().active() && !over && registration.checkedInAt() == null);
		variables.put("eventLink", eventLink);
		variables.put("privacyLink", this.app.link("/privacy"));
		variables.put("controller", this.privacyContact.controller());
		variables.put("contact", this.privacyContact.contact());
		variables.put("writeToUs", this.messages.getMessage(writeToUsKey(), null, locale));
		variables.put("googleCalendarLink", withCalendar ? googleCalendarLink(event, eventLink) : null);
		// The one-click opt-out works with the same personal token as the manage link.
		variables.put("newsStopLink",
				(registration.newsOptIn() && manageLink != null) ? manageLink + "/news/stop" : null);
		context.setVariables(variables);
		if (registration.waitlistPosition() != null) {
			context.setVariable("position", registration.waitlistPosition());
		}
		String template = "mail/" + templateName(kind);
		String text = this.templates.process(template + ".txt", context);
		String html = this.templates.process(template, context);
		String ics = withCalendar ? CalendarFile.build(event, registration, eventLink, this.from)
				: removesEntry ? CalendarFile.cancel(event, registration, eventLink, this.from) : null;
		byte[] qr = (withCheckinQr && withImage) ? this.checkinQr.png(registration.id()) : null;
		return new Composed(subject, text, html, ics, qr, this.replyTo, (String) variables.get("newsStopLink"));
	}

	/**
	 * How the person reaches us: by replying when replies reach someone (the contact is
	 * the Reply-To) or when there is no other way (no contact: the From must be read);
	 * otherwise by writing to the contact, a web page or a phone at the end of the email.
	 */
	private String writeToUsKey() {
		return (this.replyTo != null || this.privacyContact.contact() == null) ? "mail.ended.writeOrganizers"
				: "mail.ended.write";
	}

	/**
	 * The kinds sent to someone whose registration ended: told what they can still do
	 * instead of offered the manage link.
	 */
	static boolean endsRegistration(RegistrationMessage.Type kind) {
		return kind == RegistrationMessage.Type.CANCELLED || kind == RegistrationMessage.Type.DECLINED;
	}

	/**
	 * Whether a live link may be in the email (the personal one, the news opt-out that
	 * works with the same token): not in the notice to an address the registration no
	 * longer has, nor in the confirmation sent to one it does not have yet. An ended
	 * registration's email shows no personal link either, but keeps the opt-out.
	 */
	static boolean carriesManageLink(RegistrationMessage.Type kind) {
		return kind != RegistrationMessage.Type.EMAIL_CHANGED_OLD && kind != RegistrationMessage.Type.EMAIL_CONFIRM;
	}

	/**
	 * Google Calendar's "add event" link (times in UTC). It carries the event's public
	 * page, never the personal link: Google keeps what it is given.
	 */
	static String googleCalendarLink(EventInfo event, String eventLink) {
		return "https://calendar.google.com/calendar/render?action=TEMPLATE&text=" + encode(event.title()) + "&dates="
				+ GOOGLE_TIME.format(event.startsAt()) + "/" + GOOGLE_TIME.format(event.endsAt()) + "&details="
				+ encode(((event.summary() != null) ? event.summary() + "\n\n" : "") + eventLink) + "&location="
				+ encode(event.venueName() + ", " + event.venuePlace());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/** The kinds sent to someone who holds a seat: they show the check-in code. */
	static boolean carriesCheckinQr(RegistrationMessage.Type kind) {
		return kind == RegistrationMessage.Type.CONFIRMED || kind == RegistrationMessage.Type.PROMOTED
				|| kind == RegistrationMessage.Type.EVENT_REMINDER;
	}

	static String templateName(RegistrationMessage.Type kind) {
		return kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * A rendered email: subject, both parts, the optional calendar file and the optional
	 * check-in QR code (PNG, shown by the HTML part as {@code cid:checkin-qr}); the
	 * Reply-To address (ASCII) when there is one, and the one-click news opt-out link of
	 * the footer when it has one (for the List-Unsubscribe header; never stored).
	 */
	record Composed(String subject, String text, String html, String ics, byte[] checkinQrPng, String replyTo,
			String newsStopLink) {
	}

}
