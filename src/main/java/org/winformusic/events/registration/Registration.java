package org.winformusic.events.registration;

import java.time.Instant;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;
import org.winformusic.events.registration.RegistrationValidator.ValidForm;

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

	/**
	 * Whether the details a registrant gives are already these: saving them would change
	 * nothing stored.
	 */
	boolean holds(ValidForm valid) {
		return valid.equals(new ValidForm(this.fullName, this.email, this.company, this.jobTitle, this.companyType,
				this.state, this.city, this.phone, this.associationInterest, this.referralSource, this.comments,
				this.newsOptIn));
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
