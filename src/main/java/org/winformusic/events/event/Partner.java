package org.winformusic.events.event;

import java.util.Locale;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An organisation that makes an event possible. */
@Entity
@Table(name = "partner")
class Partner {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private int position;

	private String name;

	private String descriptionEs;

	private String descriptionEn;

	private String url;

	protected Partner() {
	}

	Partner(int position, String name, String url, String descriptionEs, String descriptionEn) {
		this.position = position;
		this.name = name;
		this.url = url;
		this.descriptionEs = descriptionEs;
		this.descriptionEn = descriptionEn;
	}

	String name() {
		return this.name;
	}

	String url() {
		return this.url;
	}

	String descriptionEs() {
		return this.descriptionEs;
	}

	String descriptionEn() {
		return this.descriptionEn;
	}

	EventInfo.PartnerInfo toInfo(Locale locale) {
		return new EventInfo.PartnerInfo(this.name,
				"es".equals(locale.getLanguage()) ? this.descriptionEs : this.descriptionEn, this.url);
	}

}
