package org.winformusic.events.privacy;

import org.springframework.context.ApplicationContext;

/**
 * Lets tests of other packages erase a registration as staff do on the privacy page,
 * without making {@link PersonalData} public API.
 */
public final class ErasureTestAccess {

	private final PersonalData personalData;

	public ErasureTestAccess(ApplicationContext context) {
		this.personalData = context.getBean(PersonalData.class);
	}

	public void eraseByStaff(long registrationId) {
		this.personalData.eraseByStaff(registrationId);
	}

}
