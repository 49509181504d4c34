package org.winformusic.events.event;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A speaker at an event. */
@Entity
@Table(name = "speaker")
class Speaker {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int position;

	private String name;

	private String roleEs;

	private String roleEn;

	private String organization;

	private String countryCode;

	protected Speaker() {
	}

	Speaker(int position, String name, String roleEs, String roleEn, String organization, String countryCode) {
		this.position = position;
		this.name = name;
		this.roleEs = roleEs;
		this.roleEn = roleEn;
		this.organization = organization;
		this.countryCode = countryCode;
	}

	String name() {
		return this.name;
	}

	String roleEs() {
		return this.roleEs;
	}

	String roleEn() {
		return this.roleEn;
	}

	String organization() {
		return this.organization;
	}

	String countryCode() {
		return this.countryCode;
	}

	EventInfo.SpeakerInfo toInfo(Locale locale) {
		String country = new Locale.Builder().setRegion(this.countryCode).build().getDisplayCountry(locale);
		return new EventInfo.SpeakerInfo(this.name, "es".equals(locale.getLanguage()) ? this.roleEs : this.roleEn,
				this.organization, this.countryCode, country);
	}

}
