package org.winformusic.events.mail;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Organizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.winformusic.events.QrCodes;
import org.winformusic.events.event.EventInfo;
import org.winformusic.events.event.EventMoved;
import org.winformusic.events.registration.AssociationInterest;
import org.winformusic.events.registration.CalendarFile;
import org.winformusic.events.registration.CheckinPasses;
import org.winformusic.events.registration.CheckinQrCode;
import org.winformusic.events.registration.CompanyType;
import org.winformusic.events.registration.RegistrationMessage;
import org.winformusic.events.registration.RegistrationStatus;
import org.winformusic.events.registration.RegistrationView;
import org.winformusic.events.shared.AppProperties;
import org.winformusic.events.shared.EventTimes;
import org.winformusic.events.shared.MailFrom;
import org.winformusic.events.shared.PrivacyContact;
import org.winformusic.events.shared.SupportedLocales;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/** Every email renders in both languages, with the event's facts and the manage link. */
class MailComposerTests {

	static final String TOKEN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

	final ResourceBundleMessageSource messages = messages();

	static final AppProperties APP = new AppProperties(URI.create("https://events.example.org/"));

	static final CheckinPasses PASSES = CheckinPasses.withKey(new byte[32], APP);

	static final PrivacyContact CONTACT = new PrivacyContact(
			new MockEnvironment().withProperty("app.privacy.contact", "privacidad@winformusic.example"));

	static final MailFrom FROM = new MailFrom("WIN Events <events@winformusic.example>");

	final MailComposer composer = new MailComposer(this.messages, new EventTimes(this.messages), APP,
			new CheckinQrCode(PASSES), CONTACT, FROM);

	static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("messages/messages", "messages/zones", "messages/mail");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}

	static List<Arguments> everyKindInBothLanguages() {
		return List.of(RegistrationMessage.Type.values())
			.stream()
			.flatMap((kind) -> SupportedLocales.ALL.stream().map((locale) -> Arguments.of(kind, locale)))
			.toList();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyKindInBothLanguages")
	void everyTemplateRendersCompletelyInTheRegistrantsLanguage(RegistrationMessage.Type kind, Locale locale) {
		MailComposer.Composed mail = this.composer.compose(kind, registration(locale, 3), event(locale), TOKEN);

		for (String part : List.of(mail.subject(), mail.text(), mail.html())) {
			assertThat(part).doesNotContain("??").doesNotContain("null").doesNotContain("[(").doesNotContain("#{");
		}
		String title = event(locale).title();
		assertThat(mail.subject()).contains(title).doesNotContain("\n").hasSizeLessThan(120);
		String link = "https://events.example.org/r/" + TOKEN;
		String when = (locale == SupportedLocales.SPANISH) ? "lunes 20 de marzo de 2028, 10:00–14:00"
				: "Monday 20 March 2028, 10:00–14:00";
		boolean ended = kind == RegistrationMessage.Type.CANCELLED || kind == RegistrationMessage.Type.DECLINED;
		// The old address of a changed one is no longer the registration's, and a new
		// one waiting for confirmation is not yet: no manage link. The new one gets the
		// link that confirms it instead.
		boolean confirms = kind == RegistrationMessage.Type.EMAIL_CONFIRM;
		boolean linked = !ended && kind != RegistrationMessage.Type.EMAIL_CHANGED_OLD && !confirms;
		for (String body : List.of(mail.text(), mail.html())) {
			assertThat(body).contains(title, when, "https://maps.example.org/roma");
			// The confirmation of a new address goes where whoever holds the manage link
			// chose: it greets nobody by the name they typed.
			assertThat(body.contains("Ana Pérez")).as("the registrant's name").isEqualTo(!confirms);
			// Every email: WIN's contact, the event's page, the privacy notice.
			assertThat(body).contains("WIN — Worldwide Independent Network", "privacidad@winformusic.example",
					"https://events.example.org/events/test-event", "https://events.example.org/privacy");
			// Someone whose registration ended is told what they can still do instead.
			assertThat(body.contains(link)).isEqualTo(linked);
			assertThat(body.contains(TOKEN)).isEqualTo(linked || confirms);
			assertThat(body.contains("https://events.example.org/email-change/" + TOKEN)).isEqualTo(confirms);
		}
		assertThat(mail.html().contains("href=\"" + link + "\"")).isEqualTo(linked);
		// The long personal link is a button, never raw text that widens a phone screen.
		assertThat(mail.html()).doesNotContain(">" + link).contains("lang=\"" + locale.getLanguage() + "\"");
		assertThat(mail.text()).doesNotContain("<p").doesNotContain("&amp;");
		String alsoText = (locale == SupportedLocales.SPANISH) ? "registrarte otra vez" : "register again";
		// A declined registration keeps its address: registering again would only say
		// "already registered".
		assertThat(mail.text().contains(alsoText)).isEqualTo(kind == RegistrationMessage.Type.CANCELLED);
		assertThat(mail.text().contains("see, change or cancel") || mail.text().contains("ver, cambiar o cancelar"))
			.isEqualTo(!ended && !confirms);
		boolean seat = kind == RegistrationMessage.Type.CONFIRMED || kind == RegistrationMessage.Type.PROMOTED
				|| kind == RegistrationMessage.Type.EVENT_REMINDER;
		assertThat(mail.html().contains("https://calendar.google.com/")).as("Google Calendar link").isEqualTo(seat);
		assertThat(mail.text().contains("https://calendar.google.com/")).isEqualTo(seat);
		// A withdrawn seat takes the calendar entry away too; the registration goes on.
		boolean removes = ended || kind == RegistrationMessage.Type.SEAT_WITHDRAWN;
		assertThat(mail.ics() != null).isEqualTo(seat || removes);
		if (mail.ics() != null) {
			assertThat(mail.ics()).contains(removes ? "METHOD:CANCEL" : "METHOD:PUBLISH");
		}
		boolean qr = kind == RegistrationMessage.Type.CONFIRMED || kind == RegistrationMessage.Type.PROMOTED
				|| kind == RegistrationMessage.Type.EVENT_REMINDER;
		assertThat(mail.checkinQrPng() != null).as("carries the check-in QR code").isEqualTo(qr);
		assertThat(mail.html().contains("src=\"cid:checkin-qr\"")).isEqualTo(qr);
		String qrHint = (locale == SupportedLocales.SPANISH) ? "muestra el código QR de la versión HTML"
				: "show the QR code in the HTML version";
		assertThat(mail.text().contains(qrHint)).isEqualTo(qr);
		if (kind == RegistrationMessage.Type.WAITLISTED) {
			assertThat(mail.text()).contains((locale == SupportedLocales.SPANISH)
					? "Eres el número 3 de la lista de espera" : "Your place in the waitlist: 3");
		}
		if (kind == RegistrationMessage.Type.SEAT_WITHDRAWN) {
			assertThat(mail.text()).contains((locale == SupportedLocales.SPANISH)
					? "Ahora eres el número 3 de la lista de espera" : "You are now number 3 on the waitlist");
		}
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyStatusInBothLanguages")
	void theLinkReminderSaysWhereTheRegistrationStandsAndOffersChangesOnlyWhileItIsActive(RegistrationStatus status,
			Locale locale) {
		RegistrationView registration = (status == RegistrationStatus.WAITLISTED) ? registration(locale, 4)
				: withStatus(registration(locale, null), status, Instant.parse("2028-03-05T09:30:00Z"));

		MailComposer.Composed mail = this.composer.compose(RegistrationMessage.Type.LINK_REMINDER, registration,
				event(locale), TOKEN);

		String said = this.messages.getMessage("mail.LINK_REMINDER.status." + status, new Object[] { 4 }, locale);
		assertThat(mail.text()).contains(said);
		assertThat(mail.html()).contains(said.replace("'", "&#39;"));
		boolean active = status.active();
		String changes = (locale == SupportedLocales.SPANISH) ? "cambiar o cancelar" : "change or cancel";
		String refused = (locale == SupportedLocales.SPANISH) ? "nada que cambiar ni cancelar"
				: "nothing to change or cancel";
		assertThat(mail.text().replace(refused, "").contains(changes)).isEqualTo(active);
		assertThat(mail.html().replace(refused, "").contains(changes)).isEqualTo(active);
		// The link still opens the page with the status and the data-rights links.
		assertThat(mail.text()).contains("https://events.example.org/r/" + TOKEN);
		if (status == RegistrationStatus.DECLINED) {
			assertThat(mail.text())
				.doesNotContain((locale == SupportedLocales.SPANISH) ? "registrarte otra vez" : "register again");
		}
	}

	static List<Arguments> everyStatusInBothLanguages() {
		return List.of(RegistrationStatus.values())
			.stream()
			.flatMap((status) -> SupportedLocales.ALL.stream().map((locale) -> Arguments.of(status, locale)))
			.toList();
	}

	@Test
	void spanishAndEnglishEmailsSayDifferentThings() {
		MailComposer.Composed es = this.composer.compose(RegistrationMessage.Type.CONFIRMED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		MailComposer.Composed en = this.composer.compose(RegistrationMessage.Type.CONFIRMED,
				registration(Locale.ENGLISH, null), event(Locale.ENGLISH), TOKEN);

		assertThat(es.subject()).startsWith("Tu registro está confirmado");
		assertThat(es.text()).contains("Hola, Ana Pérez:", "hora de la Ciudad de México");
		assertThat(en.subject()).startsWith("You are registered");
		assertThat(en.text()).contains("Hello Ana Pérez,", "Mexico City time");
	}

	/** The calendar app named as the manage page names it, in each language. */
	@Test
	void theConfirmationNamesApplesCalendarAsTheManagePageDoes() {
		MailComposer.Composed es = this.composer.compose(RegistrationMessage.Type.CONFIRMED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		MailComposer.Composed en = this.composer.compose(RegistrationMessage.Type.CONFIRMED,
				registration(Locale.ENGLISH, null), event(Locale.ENGLISH), TOKEN);
		for (String part : new String[] { es.text(), es.html() }) {
			assertThat(part).contains("Calendario de Apple").doesNotContain("Apple Calendar");
		}
		for (String part : new String[] { en.text(), en.html() }) {
			assertThat(part).contains("Apple Calendar");
		}
	}

	@Test
	void theCheckinQrCodeIsAPngThatScansToTheCheckinPassNotTheManageLinkAndHasLocalizedAltText() throws IOException {
		for (Locale locale : SupportedLocales.ALL) {
			MailComposer.Composed mail = this.composer.compose(RegistrationMessage.Type.PROMOTED,
					registration(locale, null), event(locale), TOKEN);

			assertThat(mail.checkinQrPng()).startsWith(0x89, 'P', 'N', 'G');
			assertThat(QrCodes.decode(mail.checkinQrPng())).isEqualTo("https://events.example.org/p/" + PASSES.pass(42))
				.doesNotContain(TOKEN);
			String alt = (locale == SupportedLocales.SPANISH) ? "Código QR de entrada" : "Check-in QR code";
			assertThat(mail.html()).containsPattern("<img src=\"cid:checkin-qr\" alt=\"" + alt + "\"");
		}
	}

	@Test
	void theEmailWithTheQrCodeAlsoGivesTheDoorCodeToTypeInBothPartsButTheStaffPreviewDoesNot() {
		String code = PASSES.code(42);
		MailComposer.Composed spanish = this.composer.compose(RegistrationMessage.Type.CONFIRMED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		assertThat(spanish.text()).contains("Código de entrada (por si no se puede escanear el QR): " + code);
		assertThat(spanish.html()).containsPattern("cid:checkin-qr[\\s\\S]*Código de entrada[\\s\\S]*>" + code + "<");
		MailComposer.Composed english = this.composer.compose(RegistrationMessage.Type.CONFIRMED,
				registration(Locale.ENGLISH, null), event(Locale.ENGLISH), TOKEN);
		assertThat(english.text()).contains("Door code (if the QR code cannot be scanned): " + code);

		MailComposer.Composed preview = this.composer.preview(RegistrationMessage.Type.CONFIRMED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), null);
		assertThat(preview.text() + preview.html()).doesNotContain(code);
	}

	/**
	 * A seat that comes while the event runs (a promotion during it): the email says it
	 * has started and until when, so the person comes now rather than "that day".
	 */
	@Test
	void aSeatThatComesWhileTheEventRunsSaysComeNowUntilItsEnd() {
		MailComposer duringTheEvent = new MailComposer(this.messages, new EventTimes(this.messages), APP,
				new CheckinQrCode(PASSES), CONTACT, FROM,
				java.time.Clock.fixed(Instant.parse("2028-03-20T17:00:00Z"), java.time.ZoneOffset.UTC));
		MailComposer.Composed now = duringTheEvent.compose(RegistrationMessage.Type.PROMOTED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		for (String part : new String[] { now.text(), now.html() }) {
			assertThat(part).contains("El evento ya empezó y dura hasta las 14:00");
		}
		MailComposer.Composed before = this.composer.compose(RegistrationMessage.Type.PROMOTED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		assertThat(before.text()).doesNotContain("ya empezó");
	}

	/**
	 * Once the event has started no email asks the reader to give up their seat for
	 * someone else (the moved event's "cancel so that someone else can have the place",
	 * the reminder's "so that someone on the waitlist gets your seat"), whatever its
	 * kind, status or language.
	 */
	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyKindInBothLanguages")
	void noEmailComposedWhileTheEventRunsAsksToGiveUpTheSeat(RegistrationMessage.Type kind, Locale locale) {
		MailComposer duringTheEvent = new MailComposer(this.messages, new EventTimes(this.messages), APP,
				new CheckinQrCode(PASSES), CONTACT, FROM,
				java.time.Clock.fixed(Instant.parse("2028-03-20T17:00:00Z"), java.time.ZoneOffset.UTC));
		for (RegistrationView registration : List.of(registration(locale, null), registration(locale, 3))) {
			MailComposer.Composed mail = duringTheEvent.compose(kind, registration, event(locale), TOKEN);
			for (String body : List.of(mail.text(), mail.html())) {
				assertThat(body).doesNotContain(this.messages.getMessage("mail.EVENT_CHANGED.cancel", null, locale),
						this.messages.getMessage("mail.EVENT_REMINDER.cancel", null, locale));
			}
		}
	}

	/**
	 * Before the start the reminder and the moved event's email ask whoever can no longer
	 * come to cancel, so their seat goes to someone else; a reminder that goes out once
	 * the event has started (a retry, a resend) says come now instead.
	 */
	@Test
	void theReminderAsksToCancelBeforeTheStartAndSaysComeNowOnceItRuns() {
		MailComposer duringTheEvent = new MailComposer(this.messages, new EventTimes(this.messages), APP,
				new CheckinQrCode(PASSES), CONTACT, FROM,
				java.time.Clock.fixed(Instant.parse("2028-03-20T17:00:00Z"), java.time.ZoneOffset.UTC));
		for (Locale locale : SupportedLocales.ALL) {
			String cancel = this.messages.getMessage("mail.EVENT_REMINDER.cancel", null, locale);
			String soon = this.messages.getMessage("mail.EVENT_REMINDER.intro", null, locale);
			MailComposer.Composed before = this.composer.compose(RegistrationMessage.Type.EVENT_REMINDER,
					registration(locale, null), event(locale), TOKEN);
			MailComposer.Composed running = duringTheEvent.compose(RegistrationMessage.Type.EVENT_REMINDER,
					registration(locale, null), event(locale), TOKEN);
			MailComposer.Composed moved = this.composer.compose(RegistrationMessage.Type.EVENT_CHANGED,
					registration(locale, null), event(locale), TOKEN);
			for (String part : new String[] { before.text(), before.html() }) {
				assertThat(part).contains(soon, cancel);
			}
			for (String part : new String[] { moved.text(), moved.html() }) {
				assertThat(part).contains(this.messages.getMessage("mail.EVENT_CHANGED.cancel", null, locale));
			}
			for (String part : new String[] { running.text(), running.html() }) {
				assertThat(part)
					.contains(this.messages.getMessage("mail.running",
							new Object[] { "14:00", new EventTimes(this.messages)
								.zoneName(java.time.ZoneId.of("America/Mexico_City"), locale) },
							locale))
					.doesNotContain(soon, cancel);
			}
		}
		MailComposer.Composed spanish = duringTheEvent.compose(RegistrationMessage.Type.EVENT_REMINDER,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		assertThat(spanish.text()).contains("El evento ya empezó y dura hasta las 14:00")
			.doesNotContain("el evento es muy pronto", "cancela con tu enlace");
	}

	/**
	 * A reminder sent while the event runs gives its end with the zone, as every other
	 * time in the emails is given ("10:00–14:00 (hora de la Ciudad de México)"): someone
	 * reading it in another zone knows when that is.
	 */
	@Test
	void theReminderWhileTheEventRunsNamesTheZoneOfItsEnd() {
		MailComposer duringTheEvent = new MailComposer(this.messages, new EventTimes(this.messages), APP,
				new CheckinQrCode(PASSES), CONTACT, FROM,
				java.time.Clock.fixed(Instant.parse("2028-03-20T17:00:00Z"), java.time.ZoneOffset.UTC));
		MailComposer.Composed spanish = duringTheEvent.compose(RegistrationMessage.Type.EVENT_REMINDER,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		MailComposer.Composed english = duringTheEvent.compose(RegistrationMessage.Type.EVENT_REMINDER,
				registration(Locale.ENGLISH, null), event(Locale.ENGLISH), TOKEN);
		for (String part : new String[] { spanish.text(), spanish.html() }) {
			assertThat(part).contains("El evento ya empezó y dura hasta las 14:00 (hora de la Ciudad de México):");
		}
		for (String part : new String[] { english.text(), english.html() }) {
			assertThat(part).contains("The event has already started and runs until 14:00 (Mexico City time):");
		}
	}

	/**
	 * After the event's end a resend or "email me my link" sends the link again: it says
	 * the event took place and offers no change (no "ver, cambiar o cancelar").
	 */
	@Test
	void theLinkSentAgainAfterTheEventsEndLeadsToARecord() {
		MailComposer afterTheEnd = new MailComposer(this.messages, new EventTimes(this.messages), APP,
				new CheckinQrCode(PASSES), CONTACT, FROM,
				java.time.Clock.fixed(Instant.parse("2028-03-21T12:00:00Z"), java.time.ZoneOffset.UTC));
		MailComposer.Composed mail = afterTheEnd.compose(RegistrationMessage.Type.LINK_REMINDER,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		for (String part : new String[] { mail.text(), mail.html() }) {
			assertThat(part).contains("El evento ya se realizó, así que tu registro ya no cambia")
				.doesNotContain("tu lugar está apartado", "ver, cambiar o cancelar", "Ver o cambiar mi registro");
		}
		MailComposer.Composed before = this.composer.compose(RegistrationMessage.Type.LINK_REMINDER,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		assertThat(before.text()).contains("tu lugar está apartado").doesNotContain("El evento ya se realizó");
	}

	/**
	 * Someone added at the door (or whose confirmation was held up until they came) is
	 * already inside: no entry code to show or calendar entry to add, the link to their
	 * registration stays.
	 */
	@Test
	void aConfirmationForSomeoneAlreadyCheckedInSaysSoWithoutEntryCodeOrCalendar() {
		RegistrationView registration = registration(SupportedLocales.SPANISH, null);
		RegistrationView arrived = new RegistrationView(registration.id(), registration.eventId(),
				registration.status(), registration.fullName(), registration.email(), registration.company(),
				registration.jobTitle(), registration.companyType(), registration.state(), registration.city(),
				registration.phone(), registration.associationInterest(), registration.referralSource(),
				registration.comments(), registration.newsOptIn(), registration.privacyConsentVersion(),
				registration.privacyConsentAt(), registration.locale(), registration.createdAt(),
				registration.updatedAt(), registration.confirmedAt(), null, null, Instant.parse("2028-03-20T16:05:00Z"),
				null, 0);

		MailComposer.Composed mail = this.composer.compose(RegistrationMessage.Type.CONFIRMED, arrived,
				event(SupportedLocales.SPANISH), TOKEN);

		for (String part : new String[] { mail.text(), mail.html() }) {
			assertThat(part)
				.contains("tu llegada al evento ya quedó registrada", "Recibes este correo porque tienes un registro",
						"https://events.example.org/r/" + TOKEN)
				.doesNotContain("Te esperamos", "Muestra este código", "porque te registraste", PASSES.code(42),
						"ver, cambiar o cancelar", "Ver o cambiar mi registro");
		}
		assertThat(mail.ics()).isNull();
		assertThat(mail.checkinQrPng()).isNull();
		assertThat(mail.html()).doesNotContain("calendar.google.com");
	}

	@Test
	void calendarFileParsesBackWithAStableUidUtcTimesVenueAndTheEventPageButNoPersonalLink() throws IOException {
		MailComposer.Composed mail = this.composer.compose(RegistrationMessage.Type.CONFIRMED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);

		ICalendar calendar = Biweekly.parse(mail.ics()).first();
		assertThat(calendar.getMethod().getValue()).isEqualTo("PUBLISH");
		VEvent event = calendar.getEvents().get(0);
		assertThat(event.getUid().getValue()).isEqualTo("registration-42@win-events");
		assertThat(event.getDateStart().getValue()).isEqualTo(Date.from(Instant.parse("2028-03-20T16:00:00Z")));
		assertThat(event.getDateEnd().getValue()).isEqualTo(Date.from(Instant.parse("2028-03-20T20:00:00Z")));
		assertThat(event.getSummary().getValue()).isEqualTo(event(SupportedLocales.SPANISH).title());
		assertThat(event.getLocation().getValue()).contains("PÚBLICO Roma, Colima 1, Roma Norte; CDMX");
		// Calendars are shared and synced: the entry links to the public page only.
		assertThat(event.getUrl().getValue()).isEqualTo("https://events.example.org/events/test-event");
		assertThat(event.getDescription().getValue()).contains("https://events.example.org/events/test-event");
		assertThat(mail.ics()).doesNotContain(TOKEN).doesNotContain("/r/");
		assertThat(mail.ics()).contains("DTSTART:20280320T160000Z")
			.contains("LOCATION:PÚBLICO Roma\\, Colima 1\\, Roma Norte\\; CDMX");
		assertThat(mail.ics().lines())
			.allMatch((line) -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75);
	}

	@Test
	void theGoogleCalendarLinkCarriesTitleUtcTimesVenueAndTheEventPageButNoPersonalLink() {
		MailComposer.Composed mail = this.composer.compose(RegistrationMessage.Type.CONFIRMED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);

		String href = mail.html()
			.replaceFirst("(?s).*href=\"(https://calendar.google.com/[^\"]+)\".*", "$1")
			.replace("&amp;", "&");
		UriComponents google = UriComponentsBuilder.fromUriString(href).build();
		assertThat(google.getHost()).isEqualTo("calendar.google.com");
		assertThat(google.getPath()).isEqualTo("/calendar/render");
		MultiValueMap<String, String> query = google.getQueryParams();
		assertThat(query.getFirst("action")).isEqualTo("TEMPLATE");
		assertThat(query.getFirst("dates")).isEqualTo("20280320T160000Z/20280320T200000Z");
		assertThat(decode(query.getFirst("text"))).isEqualTo("Hoja de ruta para una asociación");
		// The address does not name the country: the calendar's location adds it.
		assertThat(decode(query.getFirst("location"))).isEqualTo("PÚBLICO Roma, Colima 1, Roma Norte; CDMX, México");
		assertThat(decode(query.getFirst("details"))).contains("Un taller.",
				"https://events.example.org/events/test-event");
		assertThat(href).doesNotContain(TOKEN);
	}

	@Test
	void aCancellationDeclineOrWithdrawnSeatCarriesAFileThatRemovesTheSameCalendarEntry() throws IOException {
		MailComposer.Composed confirmed = this.composer.compose(RegistrationMessage.Type.CONFIRMED,
				registration(Locale.ENGLISH, null), event(Locale.ENGLISH), TOKEN);
		VEvent added = Biweekly.parse(confirmed.ics()).first().getEvents().get(0);
		for (RegistrationMessage.Type kind : List.of(RegistrationMessage.Type.CANCELLED,
				RegistrationMessage.Type.DECLINED, RegistrationMessage.Type.SEAT_WITHDRAWN)) {
			RegistrationView ended = withStatus(registration(Locale.ENGLISH, null), switch (kind) {
				case CANCELLED -> RegistrationStatus.CANCELLED;
				case DECLINED -> RegistrationStatus.DECLINED;
				default -> RegistrationStatus.WAITLISTED;
			}, Instant.parse("2028-03-05T09:30:00Z"));
			MailComposer.Composed mail = this.composer.compose(kind, ended, event(Locale.ENGLISH), TOKEN);

			ICalendar calendar = Biweekly.parse(mail.ics()).first();
			assertThat(calendar.getMethod().getValue()).isEqualTo("CANCEL");
			assertThat(CalendarFile.method(mail.ics())).isEqualTo("CANCEL");
			VEvent removed = calendar.getEvents().get(0);
			assertThat(removed.getUid().getValue()).isEqualTo(added.getUid().getValue());
			assertThat(removed.getStatus().getValue()).isEqualTo("CANCELLED");
			assertThat(removed.getSequence().getValue()).isGreaterThan(added.getSequence().getValue());
			assertThat(mail.ics()).doesNotContain(TOKEN);
		}
		assertThat(CalendarFile.method(confirmed.ics())).isEqualTo("PUBLISH");
	}

	/**
	 * Someone who never held a seat (waiting, or pending review) and cancels or is
	 * declined had no calendar entry and no seat: the email does not say their seat is
	 * free for someone else, nor attach a file to remove an entry they never got.
	 */
	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("endedWithoutASeatInBothLanguages")
	void anEndedRegistrationThatNeverHeldASeatGetsNoCalendarRemoval(RegistrationMessage.Type kind, Locale locale) {
		RegistrationView waiting = registration(locale, 3);
		RegistrationView neverSeated = new RegistrationView(waiting.id(), waiting.eventId(), waiting.status(),
				waiting.fullName(), waiting.email(), waiting.company(), waiting.jobTitle(), waiting.companyType(),
				waiting.state(), waiting.city(), waiting.phone(), waiting.associationInterest(),
				waiting.referralSource(), waiting.comments(), waiting.newsOptIn(), waiting.privacyConsentVersion(),
				waiting.privacyConsentAt(), waiting.locale(), waiting.createdAt(), waiting.updatedAt(), null, null,
				null, null, waiting.waitlistPosition(), waiting.version());
		RegistrationView ended = withStatus(neverSeated, (kind == RegistrationMessage.Type.CANCELLED)
				? RegistrationStatus.CANCELLED : RegistrationStatus.DECLINED, Instant.parse("2028-03-05T09:30:00Z"));

		MailComposer.Composed mail = this.composer.compose(kind, ended, event(locale), TOKEN);

		assertThat(mail.ics()).isNull();
		boolean spanish = locale == SupportedLocales.SPANISH;
		for (String body : List.of(mail.text(), mail.html())) {
			assertThat(body).doesNotContain(spanish ? "event.ics para quitarlo" : "event.ics to remove it")
				.doesNotContain(spanish ? "tu lugar quedó libre" : "your seat is free");
		}
		if (kind == RegistrationMessage.Type.CANCELLED) {
			assertThat(mail.text())
				.contains(spanish ? "Tu registro fue cancelado." : "Your registration has been cancelled.");
		}
		// Someone who held it is told both, as before.
		MailComposer.Composed seated = this.composer.compose(kind,
				withStatus(waiting, ended.status(), Instant.parse("2028-03-05T09:30:00Z")), event(locale), TOKEN);
		assertThat(CalendarFile.method(seated.ics())).isEqualTo("CANCEL");
		assertThat(seated.text()).contains(spanish ? "event.ics para quitarlo" : "event.ics to remove it");
	}

	static List<Arguments> endedWithoutASeatInBothLanguages() {
		return java.util.stream.Stream.of(RegistrationMessage.Type.CANCELLED, RegistrationMessage.Type.DECLINED)
			.flatMap((kind) -> SupportedLocales.ALL.stream().map((locale) -> Arguments.of(kind, locale)))
			.toList();
	}

	@Test
	void bothCalendarFilesNameTheSenderAsOrganizerSoClientsApplyTheCancellation() throws IOException {
		RegistrationView confirmed = registration(SupportedLocales.SPANISH, null);
		RegistrationView cancelled = withStatus(confirmed, RegistrationStatus.CANCELLED,
				Instant.parse("2028-03-05T09:30:00Z"));
		MailFrom from = new MailFrom(
				"\"Música Independiente, \\\"WIN\\\"; México: eventos y talleres de la red\" " + "<eventos@diseño.mx>");
		MailComposer composer = new MailComposer(this.messages, new EventTimes(this.messages), APP,
				new CheckinQrCode(PASSES), CONTACT, from);
		for (MailComposer.Composed mail : List.of(
				composer.compose(RegistrationMessage.Type.CONFIRMED, confirmed, event(SupportedLocales.SPANISH), TOKEN),
				composer.compose(RegistrationMessage.Type.CANCELLED, cancelled, event(SupportedLocales.SPANISH),
						TOKEN))) {
			Organizer organizer = Biweekly.parse(mail.ics()).first().getEvents().get(0).getOrganizer();
			assertThat(organizer.getEmail()).isEqualTo("eventos@xn--diseo-rta.mx");
			assertThat(organizer.getCommonName())
				.isEqualTo("Música Independiente, 'WIN'; México: eventos y talleres de la red");
			assertThat(mail.ics().split("\r\n")).allMatch((line) -> line.getBytes(StandardCharsets.UTF_8).length <= 75);
		}

		MailComposer.Composed unnamed = new MailComposer(this.messages, new EventTimes(this.messages), APP,
				new CheckinQrCode(PASSES), CONTACT, new MailFrom("events@winformusic.example"))
			.compose(RegistrationMessage.Type.CANCELLED, cancelled, event(SupportedLocales.SPANISH), TOKEN);
		assertThat(unnamed.ics()).contains("ORGANIZER;CN=WIN:mailto:events@winformusic.example\r\n");
	}

	@Test
	void calendarLinesAreFoldedAt75OctetsWithoutSplittingACharacter() throws IOException {
		String place = "Salón de Usos Múltiples «Señora Ñandú» — edificio 🎵🎶, ".repeat(6);
		EventInfo base = event(SupportedLocales.SPANISH);
		EventInfo event = new EventInfo(base.id(), base.slug(), "Canción ".repeat(20), "Información útil. ".repeat(12),
				List.of(), List.of(), List.of(), base.startsAt(), base.endsAt(), base.zone(), place,
				"Calle Águila 123, Cuauhtémoc", null, false, null, null, true, List.of(), List.of(), "MX", "México");
		for (RegistrationMessage.Type kind : List.of(RegistrationMessage.Type.CONFIRMED,
				RegistrationMessage.Type.CANCELLED)) {
			RegistrationView registration = registration(SupportedLocales.SPANISH, null);
			if (kind == RegistrationMessage.Type.CANCELLED) {
				registration = withStatus(registration, RegistrationStatus.CANCELLED, registration.updatedAt());
			}
			String ics = this.composer.compose(kind, registration, event, TOKEN).ics();

			assertThat(ics.split("\r\n")).hasSizeGreaterThan(20)
				.allMatch((line) -> line.getBytes(StandardCharsets.UTF_8).length <= 75)
				.allMatch((line) -> !line.contains("\uFFFD"));
			assertThat(ics).doesNotContain("\n\n");
			VEvent parsed = Biweekly.parse(ics).first().getEvents().get(0);
			assertThat(parsed.getLocation().getValue()).isEqualTo(place + ", Calle Águila 123, Cuauhtémoc, México");
			assertThat(parsed.getSummary().getValue()).isEqualTo(event.title());
		}
	}

	@Test
	void theNewsOptOutLinkIsOfferedOnlyToPeopleWhoGetTheNews() {
		RegistrationView base = registration(SupportedLocales.SPANISH, null);
		RegistrationView subscribed = new RegistrationView(base.id(), base.eventId(), base.status(), base.fullName(),
				base.email(), base.company(), null, base.companyType(), base.state(), base.city(), null,
				base.associationInterest(), null, null, true, "v1", base.privacyConsentAt(), base.locale(),
				base.createdAt(), base.updatedAt(), base.confirmedAt(), null, null, null, null, base.version());
		String stop = "https://events.example.org/r/" + TOKEN + "/news/stop";
		for (RegistrationMessage.Type kind : RegistrationMessage.Type.values()) {
			MailComposer.Composed with = this.composer.compose(kind, subscribed, event(SupportedLocales.SPANISH),
					TOKEN);
			MailComposer.Composed without = this.composer.compose(kind, base, event(SupportedLocales.SPANISH), TOKEN);
			if (kind == RegistrationMessage.Type.EMAIL_CHANGED_OLD || kind == RegistrationMessage.Type.EMAIL_CONFIRM) {
				// An address that is no longer the registration's, or not yet, gets no
				// personal link at all.
				assertThat(with.html() + with.text() + without.html() + without.text()).doesNotContain("/news/stop")
					.doesNotContain("/r/" + TOKEN);
				assertThat(with.newsStopLink()).isNull();
				continue;
			}

			assertThat(with.html()).contains("href=\"" + stop + "\"", "Ya no quiero recibir noticias de WIN");
			assertThat(with.text()).contains(stop);
			assertThat(without.html() + without.text()).doesNotContain("/news/stop");
			// The List-Unsubscribe header goes where the footer's link goes.
			assertThat(with.newsStopLink()).isEqualTo(stop);
			assertThat(without.newsStopLink()).isNull();
		}
	}

	@Test
	void withoutAContactAddressTheControllerIsNamedAndPeopleAreAskedToReply() {
		MailComposer bare = new MailComposer(this.messages, new EventTimes(this.messages), APP,
				new CheckinQrCode(PASSES), new PrivacyContact(new MockEnvironment()), FROM);
		RegistrationView cancelled = withStatus(registration(Locale.ENGLISH, null), RegistrationStatus.CANCELLED,
				Instant.parse("2028-03-05T09:30:00Z"));

		MailComposer.Composed mail = bare.compose(RegistrationMessage.Type.CANCELLED, cancelled, event(Locale.ENGLISH),
				TOKEN);

		assertThat(mail.text())
			.contains("Contact: WIN — Worldwide Independent Network", "reply to this email",
					"https://events.example.org/events/test-event")
			.doesNotContain("mailto:")
			.doesNotContain("null");
	}

	@Test
	void repliesGoToThePrivacyContactOnlyWhenItIsAnEmailAddress() {
		RegistrationView registration = registration(Locale.ENGLISH, null);
		for (var contact : List.of(List.of("privacidad@winformusic.example", "privacidad@winformusic.example"),
				List.of(" datos@diseño.mx ", "datos@xn--diseo-rta.mx"), List.of("https://winformusic.org/contacto", ""),
				List.of("Oficina de privacidad, +52 55 1234 5678", ""), List.of("WIN <datos@win.example>", ""),
				List.of("", ""))) {
			MailComposer composer = new MailComposer(this.messages, new EventTimes(this.messages), APP,
					new CheckinQrCode(PASSES),
					new PrivacyContact(new MockEnvironment().withProperty("app.privacy.contact", contact.get(0))),
					FROM);
			String replyTo = composer
				.compose(RegistrationMessage.Type.CONFIRMED, registration, event(Locale.ENGLISH), TOKEN)
				.replyTo();
			assertThat((replyTo != null) ? replyTo : "").as(contact.get(0)).isEqualTo(contact.get(1));
		}
	}

	@Test
	void aCancellationAsksToReplyOnlyWhenARepliesReachSomeone() {
		RegistrationView cancelled = withStatus(registration(Locale.ENGLISH, null), RegistrationStatus.CANCELLED,
				Instant.parse("2028-03-05T09:30:00Z"));
		for (var contact : List.of(List.of("privacidad@winformusic.example", "reply to this email"),
				List.of("https://winformusic.org/contacto", "the address is at the end"))) {
			MailComposer composer = new MailComposer(this.messages, new EventTimes(this.messages), APP,
					new CheckinQrCode(PASSES),
					new PrivacyContact(new MockEnvironment().withProperty("app.privacy.contact", contact.get(0))),
					FROM);
			MailComposer.Composed mail = composer.compose(RegistrationMessage.Type.CANCELLED, cancelled,
					event(Locale.ENGLISH), TOKEN);
			assertThat(mail.text()).as(contact.get(0)).contains(contact.get(1));
			assertThat(mail.html()).as(contact.get(0)).contains(contact.get(1));
		}
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	@Test
	void aMovedEventsEmailMovesTheCalendarEntryOfThoseConfirmedAndTellsTheOthersTheyStillWait() throws IOException {
		RegistrationView confirmed = registration(SupportedLocales.SPANISH, null);
		MailComposer.Composed seated = this.composer.compose(RegistrationMessage.Type.EVENT_CHANGED, confirmed,
				event(SupportedLocales.SPANISH), TOKEN);

		assertThat(seated.text()).contains("Tu lugar sigue reservado", "lunes 20 de marzo de 2028, 10:00–14:00",
				"PÚBLICO Roma", "https://calendar.google.com/");
		assertThat(seated.checkinQrPng()).isNull();
		assertThat(CalendarFile.method(seated.ics())).isEqualTo("PUBLISH");
		VEvent entry = Biweekly.parse(seated.ics()).first().getEvents().get(0);
		assertThat(entry.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2028-03-20T16:00:00Z"));

		for (RegistrationStatus waiting : List.of(RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING)) {
			MailComposer.Composed mail = this.composer.compose(RegistrationMessage.Type.EVENT_CHANGED,
					withStatus(registration(Locale.ENGLISH, null), waiting, confirmed.updatedAt()),
					event(Locale.ENGLISH), TOKEN);
			assertThat(mail.ics()).as("no seat, no calendar entry").isNull();
			assertThat(mail.text()).contains("Monday 20 March 2028, 10:00–14:00")
				.contains((waiting == RegistrationStatus.WAITLISTED) ? "still on the waitlist" : "still reviewing")
				.doesNotContain("https://calendar.google.com/", "still reserved");
		}
	}

	/**
	 * A moved event's email says what changed, each fact as it was next to how it is now
	 * (the event's details follow once), in the registrant's language; only someone
	 * holding a seat is asked to cancel so that someone else can have it.
	 */
	@Test
	void aMovedEventsEmailSaysWhatChangedBeforeAndNowAndOnlyAsksWhoeverHoldsASeatToCancel() {
		// The day before, 09:00–13:00, at another venue; now 20 March, 10:00–14:00.
		EventMoved.Before everything = new EventMoved.Before(Instant.parse("2028-03-19T15:00:00Z"),
				Instant.parse("2028-03-19T19:00:00Z"), "Foro Viejo", "Durango 5, Roma Norte");
		MailComposer.Composed spanish = this.composer.compose(RegistrationMessage.Type.EVENT_CHANGED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN, everything);
		assertThat(spanish.text())
			.contains(
					"Te avisamos que los organizadores cambiaron la fecha, el horario y la sede del evento.\n\nCuándo\n"
							+ "Antes: domingo 19 de marzo de 2028, 09:00–13:00 (hora de la Ciudad de México)\n"
							+ "Ahora: lunes 20 de marzo de 2028, 10:00–14:00 (hora de la Ciudad de México)\n\nDónde\n"
							+ "Antes: Foro Viejo, Durango 5, Roma Norte, México\n"
							+ "Ahora: PÚBLICO Roma, Colima 1, Roma Norte; CDMX, México\n",
					"Tu lugar sigue reservado",
					"Si con este cambio ya no puedes ir, cancela tu registro con tu enlace personal, aquí abajo, "
							+ "para que alguien más aproveche el lugar.")
			.doesNotContain("Así queda", "Abajo tienes los datos");
		assertThat(spanish.html()).contains("domingo 19 de marzo de 2028, 09:00–13:00", "Foro Viejo", "Antes", "Ahora",
				"cancela tu registro");

		EventMoved.Before hours = new EventMoved.Before(Instant.parse("2028-03-20T15:00:00Z"),
				Instant.parse("2028-03-20T19:00:00Z"), "PÚBLICO Roma", "Colima 1, Roma Norte; CDMX");
		EventMoved.Before venue = new EventMoved.Before(Instant.parse("2028-03-20T16:00:00Z"),
				Instant.parse("2028-03-20T20:00:00Z"), "Foro Viejo", "Durango 5, Roma Norte");
		for (RegistrationStatus status : List.of(RegistrationStatus.WAITLISTED, RegistrationStatus.PENDING)) {
			RegistrationView waiting = withStatus(registration(Locale.ENGLISH, null), status, Instant.now());
			MailComposer.Composed onlyHours = this.composer.compose(RegistrationMessage.Type.EVENT_CHANGED, waiting,
					event(Locale.ENGLISH), TOKEN, hours);
			assertThat(onlyHours.text())
				.contains("The organizers have changed the time of the event.\n\nWhen\n"
						+ "Before: Monday 20 March 2028, 09:00–13:00 (Mexico City time)\n"
						+ "Now: Monday 20 March 2028, 10:00–14:00 (Mexico City time)\n")
				.doesNotContain("Where\nBefore:");
			MailComposer.Composed onlyVenue = this.composer.compose(RegistrationMessage.Type.EVENT_CHANGED, waiting,
					event(Locale.ENGLISH), TOKEN, venue);
			assertThat(onlyVenue.text())
				.contains("The organizers have changed the venue of the event.\n\nWhere\n"
						+ "Before: Foro Viejo, Durango 5, Roma Norte, Mexico\n"
						+ "Now: PÚBLICO Roma, Colima 1, Roma Norte; CDMX, Mexico\n")
				.doesNotContain("When\nBefore:");
			for (MailComposer.Composed mail : List.of(onlyHours, onlyVenue)) {
				for (String part : List.of(mail.text(), mail.html())) {
					assertThat(part).as("no seat to give up")
						.doesNotContain(this.messages.getMessage("mail.EVENT_CHANGED.cancel", null, Locale.ENGLISH),
								"please cancel", "someone else can have the place");
				}
			}
		}

		// A message queued before the previous values were kept: the event as it is now,
		// below, once.
		MailComposer.Composed unknown = this.composer.compose(RegistrationMessage.Type.EVENT_CHANGED,
				registration(SupportedLocales.SPANISH, null), event(SupportedLocales.SPANISH), TOKEN);
		assertThat(unknown.text())
			.contains("cambiaron la fecha, el horario o la sede del evento. Abajo tienes los datos como quedaron.")
			.doesNotContain("Antes:");
		assertThat(unknown.text().split("Cuándo: ", -1)).as("the event's facts once").hasSize(2);
	}

	/**
	 * A request under review that staff approved when the seats had run out: the email
	 * says the review is over and the person waits, with their place.
	 */
	@Test
	void anApprovalWithoutASeatLeftSaysTheRequestWasApprovedAndThePersonWaits() {
		MailComposer.Composed spanish = this.composer.compose(RegistrationMessage.Type.APPROVED_WAITLISTED,
				registration(SupportedLocales.SPANISH, 1), event(SupportedLocales.SPANISH), TOKEN);
		assertThat(spanish.subject())
			.isEqualTo("Registro aprobado, en lista de espera: Hoja de ruta para una asociación");
		for (String part : List.of(spanish.text(), spanish.html())) {
			assertThat(part)
				.contains(
						"Los organizadores aprobaron tu registro, pero para entonces los lugares ya se habían agotado, "
								+ "así que quedaste en la lista de espera.",
						"Eres el número 1 de la lista de espera.",
						"si se libera un lugar para ti, es tuyo de inmediato y te escribiremos para avisarte")
				.doesNotContain("Los lugares están agotados, así que estás en la lista de espera.");
		}
		MailComposer.Composed english = this.composer.compose(RegistrationMessage.Type.APPROVED_WAITLISTED,
				registration(Locale.ENGLISH, 1), event(Locale.ENGLISH), TOKEN);
		assertThat(english.subject()).isEqualTo("Registration approved, on the waitlist: Roadmap to an association");
		for (String part : List.of(english.text(), english.html())) {
			assertThat(part)
				.contains(
						"The organizers approved your registration, but by then all seats were taken, so you are on "
								+ "the waitlist.",
						"Your place in the waitlist: 1.", "if a seat frees up for you, it is yours at once")
				.doesNotContain("All seats are taken, so you are on the waitlist.");
		}
		assertThat(english.ics()).as("no seat, no calendar entry").isNull();
	}

	static RegistrationView withStatus(RegistrationView r, RegistrationStatus status, Instant updatedAt) {
		return new RegistrationView(r.id(), r.eventId(), status, r.fullName(), r.email(), r.company(), r.jobTitle(),
				r.companyType(), r.state(), r.city(), r.phone(), r.associationInterest(), r.referralSource(),
				r.comments(), r.newsOptIn(), r.privacyConsentVersion(), r.privacyConsentAt(), r.locale(), r.createdAt(),
				updatedAt, r.confirmedAt(), (status == RegistrationStatus.CANCELLED) ? updatedAt : null,
				(status == RegistrationStatus.DECLINED) ? updatedAt : null, null, null, r.version() + 1);
	}

	@Test
	void aNameWithLineBreaksStaysOnOneLine() {
		RegistrationView registration = registration(Locale.ENGLISH, null);
		RegistrationView injected = new RegistrationView(registration.id(), registration.eventId(),
				registration.status(), "Ana\r\nBcc: evil@example.org", registration.email(), "Label\r\nX: y", null,
				registration.companyType(), registration.state(), registration.city(), null,
				registration.associationInterest(), null, null, false, "v1", registration.privacyConsentAt(),
				registration.locale(), registration.createdAt(), registration.updatedAt(), null, null, null, null, null,
				registration.version());

		MailComposer.Composed mail = this.composer.compose(RegistrationMessage.Type.CONFIRMED, injected,
				event(Locale.ENGLISH), TOKEN);

		assertThat(mail.text()).contains("Hello Ana Bcc: evil@example.org,").doesNotContain("\nBcc:");
		assertThat(Headers.clean("Hi\r\nBcc: x@y\u2028z")).isEqualTo("Hi Bcc: x@y z");
	}

	static EventInfo event(Locale locale) {
		boolean es = locale.getLanguage().equals("es");
		return new EventInfo(7, "test-event", es ? "Hoja de ruta para una asociación" : "Roadmap to an association",
				es ? "Un taller." : "A workshop.", List.of(), List.of(), List.of(),
				Instant.parse("2028-03-20T16:00:00Z"), Instant.parse("2028-03-20T20:00:00Z"),
				ZoneId.of("America/Mexico_City"), "PÚBLICO Roma", "Colima 1, Roma Norte; CDMX",
				"https://maps.example.org/roma", false, null, null, true, List.of(), List.of(), "MX",
				es ? "México" : "Mexico");
	}

	static RegistrationView registration(Locale locale, Integer position) {
		Instant at = Instant.parse("2028-03-01T12:00:00Z");
		return new RegistrationView(42, 7,
				(position != null) ? RegistrationStatus.WAITLISTED : RegistrationStatus.CONFIRMED, "Ana Pérez",
				"ana@example.org", "Discos Ana", null, CompanyType.INDEPENDENT_LABEL, "CMX", "CDMX", null,
				AssociationInterest.YES, null, null, false, "v1", at, locale, at, at, at, null, null, null, position,
				0);
	}

}
