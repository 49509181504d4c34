package org.winformusic.events.event;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

/** An event people register for, with its texts in Spanish and English. */
@Entity
@Table(name = "event")
class Event {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String slug;

	private String titleEs;

	private String titleEn;

	private String summaryEs;

	private String summaryEn;

	private String descriptionEs;

	private String descriptionEn;

	private String agendaEs;

	private String agendaEn;

	private String aboutEs;

	private String aboutEn;

	private Instant startsAt;

	private Instant endsAt;

	private String timeZone;

	/** ISO 3166-1 alpha-2: the regions and phone numbers of the registration form. */
	private String country;

	private String venueName;

	private String venueAddress;

	private String venueMapUrl;

	private Integer retentionDays;

	private boolean requiresApproval;

	private Instant registrationOpensAt;

	private Instant registrationClosesAt;

	private boolean published;

	private Instant createdAt;

	private Instant updatedAt;

	/** Saves of the event, for the calendar files' SEQUENCE (V30). */
	private int calendarRevision;

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "event_id", nullable = false)
	@OrderBy("position")
	private List<Speaker> speakers = new ArrayList<>();

	@OneToMany(cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@JoinColumn(name = "event_id", nullable = false)
	@OrderBy("position")
	private List<Partner> partners = new ArrayList<>();

	protected Event() {
	}

	Event(String slug, Instant now) {
		this.slug = slug;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void touch(Instant now) {
		this.updatedAt = now;
	}

	/**
	 * A saved change: calendar files sent from now on must outrank the entry people
	 * already have, which may hold the old date, hours, venue or title.
	 */
	void reviseCalendar() {
		this.calendarRevision++;
	}

	void describe(String titleEs, String titleEn, String summaryEs, String summaryEn, String descriptionEs,
			String descriptionEn, String agendaEs, String agendaEn, String aboutEs, String aboutEn) {
		this.titleEs = titleEs;
		this.titleEn = titleEn;
		this.summaryEs = summaryEs;
		this.summaryEn = summaryEn;
		this.descriptionEs = descriptionEs;
		this.descriptionEn = descriptionEn;
		this.agendaEs = agendaEs;
		this.agendaEn = agendaEn;
		this.aboutEs = aboutEs;
		this.aboutEn = aboutEn;
	}

	void schedule(Instant startsAt, Instant endsAt, String timeZone, Instant registrationOpensAt,
			Instant registrationClosesAt) {
		this.startsAt = startsAt;
		this.endsAt = endsAt;
		this.timeZone = timeZone;
		this.registrationOpensAt = registrationOpensAt;
		this.registrationClosesAt = registrationClosesAt;
	}

	void locate(String venueName, String venueAddress, String venueMapUrl) {
		this.venueName = venueName;
		this.venueAddress = venueAddress;
		this.venueMapUrl = venueMapUrl;
	}

	void placeIn(String country) {
		this.country = country;
	}

	String country() {
		return this.country;
	}

	/**
	 * Days after the event ends before its registrations are anonymized; null for the
	 * site's default (the privacy feature's retention job reads the column).
	 */
	void retainFor(Integer days) {
		this.retentionDays = days;
	}

	Integer retentionDays() {
		return this.retentionDays;
	}

	void settings(boolean requiresApproval, boolean published) {
		this.requiresApproval = requiresApproval;
		this.published = published;
	}

	void replaceSpeakers(List<Speaker> speakers) {
		this.speakers.clear();
		this.speakers.addAll(speakers);
	}

	void replacePartners(List<Partner> partners) {
		this.partners.clear();
		this.partners.addAll(partners);
	}

	String titleEs() {
		return this.titleEs;
	}

	String titleEn() {
		return this.titleEn;
	}

	String summaryEs() {
		return this.summaryEs;
	}

	String summaryEn() {
		return this.summaryEn;
	}

	String descriptionEs() {
		return this.descriptionEs;
	}

	String descriptionEn() {
		return this.descriptionEn;
	}

	String agendaEs() {
		return this.agendaEs;
	}

	String agendaEn() {
		return this.agendaEn;
	}

	String aboutEs() {
		return this.aboutEs;
	}

	String aboutEn() {
		return this.aboutEn;
	}

	String venueName() {
		return this.venueName;
	}

	String venueAddress() {
		return this.venueAddress;
	}

	String venueMapUrl() {
		return this.venueMapUrl;
	}

	boolean requiresApproval() {
		return this.requiresApproval;
	}

	Instant registrationOpensAt() {
		return this.registrationOpensAt;
	}

	Instant registrationClosesAt() {
		return this.registrationClosesAt;
	}

	Long getId() {
		return this.id;
	}

	String getSlug() {
		return this.slug;
	}

	ZoneId zone() {
		return ZoneId.of(this.timeZone);
	}

	Instant getStartsAt() {
		return this.startsAt;
	}

	Instant getEndsAt() {
		return this.endsAt;
	}

	boolean isPublished() {
		return this.published;
	}

	List<Speaker> getSpeakers() {
		return this.speakers;
	}

	List<Partner> getPartners() {
		return this.partners;
	}

	/** The facts of this event in one language, detached from the persistence context. */
	EventInfo toInfo(Locale locale) {
		boolean es = "es".equals(locale.getLanguage());
		return new EventInfo(this.id, this.slug, es ? this.titleEs : this.titleEn, es ? this.summaryEs : this.summaryEn,
				EventInfo.paragraphs(es ? this.descriptionEs : this.descriptionEn),
				EventInfo.lines(es ? this.agendaEs : this.agendaEn),
				EventInfo.paragraphs(es ? this.aboutEs : this.aboutEn), this.startsAt, this.endsAt, zone(),
				this.venueName, this.venueAddress, this.venueMapUrl, this.requiresApproval, this.registrationOpensAt,
				this.registrationClosesAt, this.published, this.speakers.stream().map((s) -> s.toInfo(locale)).toList(),
				this.partners.stream().map((p) -> p.toInfo(locale)).toList(), this.country,
				Countries.name(this.country, locale), this.calendarRevision);
	}

}
