package org.winformusic.events.registration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;

/**
 * A person's registration for an event, as staff and the registrant read and edit it.
 * Inserted by {@link PublicRegistrations} and moved between statuses by set-based SQL
 * (seats, waitlist, check-in, erasure), each of which adds one to {@code version}: an
 * edit loaded before any of them fails its {@code @Version} check instead of overwriting
 * it. Updates write only the columns an edit changed ({@code @DynamicUpdate}).
 */
@Entity
@Table(name = "registration")
@DynamicUpdate
class Registration {

	@Id
	private Long id;

	private long eventId;

	@Enumerated(EnumType.STRING)
	private RegistrationStatus status;

	private String fullName;

	private String email;

	private String company;

	private String jobTitle;

	@Enumerated(EnumType.STRING)
	private CompanyType companyType;

	private String state;

	private String city;

	private String phone;

	@Enumerated(EnumType.STRING)
	private AssociationInterest associationInterest;

	private String referralSource;

	private String comments;

	private boolean newsOptIn;

	private String privacyConsentVersion;

	private Instant privacyConsentAt;

	private Locale locale;

	private Instant createdAt;

	private Instant updatedAt;

	private Instant confirmedAt;

	private Instant cancelledAt;

	private Instant declinedAt;

	private Instant checkedInAt;

	private Instant blockedAt;

	/**
	 * Set by SQL when the personal fields are overwritten ({@link RegistrationErasure}).
	 */
	@Column(insertable = false, updatable = false)
	private Instant anonymizedAt;

	private String searchText;

	/** 1-based place in the waitlist while WAITLISTED ({@link Waitlist}), else null. */
	@Formula(Waitlist.PLACE)
	private Integer waitlistPosition;

	@Version
	private int version;

	protected Registration() {
	}

	/** Replaces the details a registrant gives (consent and status stay as they are). */
	void edit(ValidForm valid, Instant now) {
		this.fullName = valid.fullName();
		this.email = valid.email();
		this.company = valid.company();
		this.jobTitle = valid.jobTitle();
		this.companyType = valid.companyType();
		this.state = valid.state();
		this.city = valid.city();
		this.phone = valid.phone();
		this.associationInterest = valid.associationInterest();
		this.referralSource = valid.referralSource();
		this.comments = valid.comments();
		this.newsOptIn = valid.newsOptIn();
		this.searchText = valid.searchText();
		this.updatedAt = now;
	}

	/** A new address, the other details as they are (a confirmed change of address). */
	void changeEmail(String address, Instant now) {
		edit(withEmail(stored(), address), now);
	}

	/** The same values with another address. */
	static ValidForm withEmail(ValidForm values, String address) {
		return new ValidForm(values.fullName(), address, values.company(), values.jobTitle(), values.companyType(),
				values.state(), values.city(), values.phone(), values.associationInterest(), values.referralSource(),
				values.comments(), values.newsOptIn());
	}

	/**
	 * The details a registrant gives whose stored value is not the one in {@code valid},
	 * by their form field names, in form order; none when saving them would change
	 * nothing. A phone stored as typed before numbers were stored in E.164 is the number
	 * it reads as in the event's {@code country}.
	 */
	List<String> differences(ValidForm valid, String country) {
		ValidForm stored = stored();
		List<String> fields = new ArrayList<>();
		differs(fields, "fullName", stored.fullName(), valid.fullName());
		differs(fields, "email", stored.email(), valid.email());
		differs(fields, "company", stored.company(), valid.company());
		differs(fields, "jobTitle", stored.jobTitle(), valid.jobTitle());
		differs(fields, "companyType", stored.companyType(), valid.companyType());
		differs(fields, "state", stored.state(), valid.state());
		differs(fields, "city", stored.city(), valid.city());
		boolean typedBefore = stored.phone() != null && valid.phone() != null
				&& valid.phone().equals(PhoneNumbers.normalize(stored.phone(), country));
		differs(fields, "phone", typedBefore ? valid.phone() : stored.phone(), valid.phone());
		differs(fields, "associationInterest", stored.associationInterest(), valid.associationInterest());
		differs(fields, "referralSource", stored.referralSource(), valid.referralSource());
		differs(fields, "comments", stored.comments(), valid.comments());
		differs(fields, "newsOptIn", stored.newsOptIn(), valid.newsOptIn());
		return fields;
	}

	private static void differs(List<String> fields, String name, Object stored, Object posted) {
		if (!Objects.equals(stored, posted)) {
			fields.add(name);
		}
	}

	private ValidForm stored() {
		return new ValidForm(this.fullName, this.email, this.company, this.jobTitle, this.companyType, this.state,
				this.city, this.phone, this.associationInterest, this.referralSource, this.comments, this.newsOptIn);
	}

	long id() {
		return this.id;
	}

	long eventId() {
		return this.eventId;
	}

	RegistrationStatus status() {
		return this.status;
	}

	int version() {
		return this.version;
	}

	RegistrationView view() {
		return new RegistrationView(this.id, this.eventId, this.status, this.fullName, this.email, this.company,
				this.jobTitle, this.companyType, this.state, this.city, this.phone, this.associationInterest,
				this.referralSource, this.comments, this.newsOptIn, this.privacyConsentVersion, this.privacyConsentAt,
				this.locale, this.createdAt, this.updatedAt, this.confirmedAt, this.cancelledAt, this.declinedAt,
				this.checkedInAt, this.waitlistPosition, this.version);
	}

}
