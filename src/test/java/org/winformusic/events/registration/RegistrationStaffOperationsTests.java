package org.winformusic.events.registration;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.winformusic.events.IntegrationTest;
import org.winformusic.events.TestEvents;
import org.winformusic.events.TestRegistrations;
import org.winformusic.events.registration.RegistrationMessage.Type;
import org.winformusic.events.registration.RegistrationStateException.Reason;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What organizers do with registrations, through the service the admin pages call. */
@IntegrationTest
@Import(RecordedMessages.class)
class RegistrationStaffOperationsTests {

	private static final Locale ENGLISH = Locale.ENGLISH;

	@Autowired
	PublicRegistrations registrations;

	@Autowired
	CheckIns checkIns;

	@Autowired
	StaffRegistrations staff;

	@Autowired
	RegistrationValidator validator;

	@Autowired
	SelfService selfService;

	@Autowired
	RecordedMessages messages;

	@Autowired
	JdbcClient jdbc;

	@Test
	void approvalEventsQueueForReviewAndApprovingGivesASeatOrTheWaitlist() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().requiringApproval().capacity(1).create();
		RegistrationResult first = register(event, "review1@example.com");
		RegistrationResult second = register(event, "review2@example.com");
		assertThat(first.status()).isEqualTo(RegistrationStatus.PENDING);
		assertThat(this.messages.about(first.registrationId())).extracting(RegistrationMessage::type)
			.containsExactly(Type.RECEIVED_PENDING);

		assertThat(this.staff.approve(first.registrationId()).status()).isEqualTo(RegistrationStatus.CONFIRMED);
		RegistrationView waiting = this.staff.approve(second.registrationId());
		assertThat(waiting.status()).isEqualTo(RegistrationStatus.WAITLISTED);
		assertThat(waiting.waitlistPosition()).isEqualTo(1);
		assertThat(this.messages.about(first.registrationId())).extracting(RegistrationMessage::type)
			.containsExactly(Type.RECEIVED_PENDING, Type.CONFIRMED);
		// Approved when the seat had gone: told the review is over and they wait.
		assertThat(this.messages.about(second.registrationId())).extracting(RegistrationMessage::type)
			.containsExactly(Type.RECEIVED_PENDING, Type.APPROVED_WAITLISTED);

		assertThat(this.staff.decline(first.registrationId()).status()).isEqualTo(RegistrationStatus.DECLINED);
		assertThat(this.staff.cancelByStaff(second.registrationId()).status()).isEqualTo(RegistrationStatus.CANCELLED);
		assertThatThrownBy(() -> this.staff.approve(first.registrationId())).isInstanceOfSatisfying(
				RegistrationStateException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.WRONG_STATUS));
	}

	@Test
	void confirmingBeyondCapacityNeedsConsentAndAddsASeat() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(1).create();
		register(event, "full1@example.com");
		RegistrationResult waiting = register(event, "full2@example.com");

		assertThatThrownBy(() -> this.staff.confirm(waiting.registrationId(), false)).isInstanceOfSatisfying(
				RegistrationStateException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.NO_FREE_SEAT));
		assertThat(this.staff.confirm(waiting.registrationId(), true).status()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(this.jdbc.sql("select count(*)::int from event_seat where event_id = ?")
			.param(event.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
		assertThat(this.jdbc.sql("select count(*) from event_seat where event_id = ? and registration_id is not null")
			.param(event.id())
			.query(Integer.class)
			.single()).isEqualTo(2);
	}

	@Test
	void movingAConfirmedPersonToTheWaitlistGivesTheSeatToTheFirstWaiting() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(1).create();
		RegistrationResult seated = register(event, "move1@example.com");
		RegistrationResult waiting = register(event, "move2@example.com");

		RegistrationView moved = this.staff.moveToWaitlist(seated.registrationId());

		assertThat(moved.status()).isEqualTo(RegistrationStatus.WAITLISTED);
		RegistrationView promoted = this.selfService.findByToken(waiting.manageToken()).orElseThrow();
		assertThat(promoted.status()).isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(this.selfService.findByToken(seated.manageToken()).orElseThrow().waitlistPosition()).isEqualTo(1);
	}

	/**
	 * Guards the report "a move to the waitlist is refused although the event has more
	 * confirmed people than its (lowered) capacity": no staff path leaves an event so.
	 * Capacity is the number of seat rows, each confirmed person holds one, lowering it
	 * below them is refused and confirming over it adds the seat taken. A move is refused
	 * only when the seat it frees would go straight back to the person moved.
	 */
	@Test
	void noStaffPathLeavesMoreConfirmedThanSeatsAndAMoveIsRefusedOnlyWhenTheSeatWouldComeStraightBack() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(2).create();
		long ana = register(event, "guard-ana@example.com").registrationId();
		register(event, "guard-beto@example.com");
		long carla = register(event, "guard-carla@example.com").registrationId();
		assertThat(confirmedAndSeats(event)).isEqualTo("2 confirmed, 2 seats");

		assertThatThrownBy(() -> this.staff.changeCapacity(event.id(), 1)).isInstanceOfSatisfying(
				RegistrationStateException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(Reason.CAPACITY_BELOW_HELD_SEATS));
		this.staff.confirm(carla, true);
		assertThat(confirmedAndSeats(event)).isEqualTo("3 confirmed, 3 seats");
		assertThatThrownBy(() -> this.staff.changeCapacity(event.id(), 2)).isInstanceOfSatisfying(
				RegistrationStateException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(Reason.CAPACITY_BELOW_HELD_SEATS));
		assertThat(confirmedAndSeats(event)).isEqualTo("3 confirmed, 3 seats");

		// Nobody waits: the freed seat would confirm Ana again at once.
		assertThatThrownBy(() -> this.staff.moveToWaitlist(ana)).isInstanceOfSatisfying(
				RegistrationStateException.class, (ex) -> assertThat(ex.reason()).isEqualTo(Reason.SEAT_FREE));

		// Someone waits: the move leaves no seat free for Ana, so it is made.
		RegistrationResult dora = register(event, "guard-dora@example.com");
		assertThat(dora.status()).isEqualTo(RegistrationStatus.WAITLISTED);
		assertThat(this.staff.moveToWaitlist(ana).status()).isEqualTo(RegistrationStatus.WAITLISTED);
		assertThat(this.selfService.findByToken(dora.manageToken()).orElseThrow().status())
			.isEqualTo(RegistrationStatus.CONFIRMED);
		assertThat(confirmedAndSeats(event)).isEqualTo("3 confirmed, 3 seats");
	}

	/**
	 * Only rows written outside the application (a script or bulk load, as
	 * {@link TestRegistrations#confirmedCrowd} writes them) make an event show more
	 * confirmed people than seats. Moving one of them who holds no seat frees none, so
	 * the move is made instead of refused as if a seat would come free.
	 */
	@Test
	void aConfirmedPersonWithoutASeatIsMovedToTheWaitlistOfAnEventWithMoreConfirmedThanSeats() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(1).create();
		long seated = register(event, "seatless-first@example.com").registrationId();
		long seatless = new TestRegistrations(this.jdbc).in(event).person("Sin Asiento").create().id();
		assertThat(confirmedAndSeats(event)).isEqualTo("2 confirmed, 1 seats");

		assertThat(this.staff.moveToWaitlist(seatless).status()).isEqualTo(RegistrationStatus.WAITLISTED);

		assertThat(new TestRegistrations(this.jdbc).status(seated)).isEqualTo("CONFIRMED");
		assertThat(confirmedAndSeats(event)).isEqualTo("1 confirmed, 1 seats");
		assertThat(this.messages.about(seatless)).extracting(RegistrationMessage::type)
			.containsExactly(Type.SEAT_WITHDRAWN);
	}

	@Test
	void checkInIsIdempotentAndCanBeUndone() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(3).create();
		long id = register(event, "door@example.com").registrationId();
		new TestEvents(this.jdbc).onItsDay(event);

		CheckIns.CheckIn first = this.checkIns.checkIn(id);
		CheckIns.CheckIn again = this.checkIns.checkIn(id);

		assertThat(first.alreadyCheckedIn()).isFalse();
		assertThat(again.alreadyCheckedIn()).isTrue();
		assertThat(again.registration().checkedInAt()).isEqualTo(first.registration().checkedInAt());
		assertThat(this.checkIns.undoCheckIn(id).checkedInAt()).isNull();
	}

	@Test
	void staffEditsUseThePublicRulesAndKeepSearchTextCurrent() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(3).create();
		long id = register(event, "edit@example.com").registrationId();
		register(event, "taken@example.com");

		RegistrationForm renamed = new RegistrationForm("José Peña", "EDIT@example.com", "Sello Ñ", null, "PUBLISHER",
				"JAL", "Guadalajara", null, "MAYBE", null, null, null, true, null);
		RegistrationView view = this.staff.update(id, TestForms.checkedEdit(this.validator, renamed, event.id()))
			.registration();
		assertThat(view.fullName()).isEqualTo("José Peña");
		assertThat(this.jdbc.sql("select search_text from registration where id = ?")
			.param(id)
			.query(String.class)
			.single()).isEqualTo("jose pena edit@example.com sello n");

		RegistrationForm broken = new RegistrationForm("", "taken@example.com", "x", null, "NOPE", "JAL", "x", null,
				"YES", null, null, null, null, null);
		BindingResult problems = new BeanPropertyBindingResult(broken, RegistrationFormBinding.NAME);
		assertThat(this.validator.check(broken, FormContext.editing(event.id(), "MX"), problems)).isNull();
		assertThat(problems.getFieldErrors()).extracting(FieldError::getField)
			.containsExactlyInAnyOrder("fullName", "companyType");
		RegistrationForm duplicate = new RegistrationForm("Ana", "TAKEN@example.com", "x", null, "OTHER", "JAL", "x",
				null, "YES", null, null, null, null, null);
		CheckedForm taken = TestForms.checkedEdit(this.validator, duplicate, event.id());
		assertThatThrownBy(() -> this.staff.update(id, taken)).isInstanceOfSatisfying(RegistrationStateException.class,
				(ex) -> assertThat(ex.reason()).isEqualTo(Reason.EMAIL_TAKEN));
	}

	@Test
	void askingForTheLinkOverAndOverSendsAFewLinksAnHourNotAFlood() {
		TestEvents.Created event = new TestEvents(this.jdbc).event().capacity(5).create();
		RegistrationResult registered = register(event, "often@example.com");
		TestRegistrations people = new TestRegistrations(this.jdbc);
		// Three minutes apart, so none is a double tap; all within the hour.
		for (int i = 0; i < 10; i++) {
			people.pastTheDoubleTapWindow(registered.registrationId());
			this.registrations.sendLink(event.id(), "Often@Example.com");
		}
		people.pastTheDoubleTapWindow(registered.registrationId());
		register(event, "often@example.com");

		assertThat(this.messages.about(registered.registrationId())).extracting(RegistrationMessage::type)
			.containsExactly(Type.CONFIRMED, Type.LINK_REMINDER, Type.LINK_REMINDER, Type.LINK_REMINDER,
					Type.LINK_REMINDER);
	}

	private String confirmedAndSeats(TestEvents.Created event) {
		return this.jdbc.sql("""
				select (select count(*) from registration where event_id = :event and status = 'CONFIRMED')
				       || ' confirmed, ' || (select count(*) from event_seat where event_id = :event) || ' seats'
				""").param("event", event.id()).query(String.class).single();
	}

	private RegistrationResult register(TestEvents.Created event, String email) {
		return this.registrations.register(event.slug(), TestForms.valid(email), ENGLISH);
	}

}
