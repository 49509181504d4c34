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

	private String venueName;

	private String venueAddress;

	private String venueMapUrl;

	private int capacity;

	private boolean requiresApproval;

	private Instant registrationOpensAt;

	private Instant registrationClosesAt;

	private boolean published;

	private Instant createdAt;

	private Instant updatedAt;

	@OneToMany(mappedBy = "eventId", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@OrderBy("position")
	private List<Speaker> speakers = new ArrayList<>();

	@OneToMany(mappedBy = "eventId", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.LAZY)
	@OrderBy("position")
	private List<Partner> partners = new ArrayList<>();

	protected Event() {
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

	int getCapacity() {
		return this.capacity;
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
				this.venueName, this.venueAddress, this.venueMapUrl, this.capacity, this.requiresApproval,
				this.registrationOpensAt, this.registrationClosesAt, this.published,
				this.speakers.stream().map((s) -> s.toInfo(locale)).toList(),
				this.partners.stream().map((p) -> p.toInfo(locale)).toList());
	}

}
