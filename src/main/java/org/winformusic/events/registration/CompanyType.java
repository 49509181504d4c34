package org.winformusic.events.registration;

/** What kind of music company the registrant works for. */
public enum CompanyType {

	INDEPENDENT_LABEL, DISTRIBUTOR, PUBLISHER, MANAGEMENT, BOOKING_PROMOTER, OTHER

}
