package org.winformusic.events.export;

/**
 * The columns of the export, in their documented, stable order (README "Export"). Scripts
 * and spreadsheets rely on this order: add new columns at the end only.
 */
enum ExportColumn {

	ID, STATUS, FULL_NAME, EMAIL, COMPANY, JOB_TITLE, COMPANY_TYPE, STATE, CITY, PHONE, ASSOCIATION_INTEREST,
	REFERRAL_SOURCE, COMMENTS, LANGUAGE, NEWS_OPT_IN, PRIVACY_CONSENT_VERSION, PRIVACY_CONSENT_AT, REGISTERED_AT,
	CONFIRMED_AT, CANCELLED_AT, CHECKED_IN_AT, WAITLIST_POSITION, DECLINED_AT;

	/** The message key of the column's header, e.g. {@code export.column.full-name}. */
	String messageKey() {
		return "export.column." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
