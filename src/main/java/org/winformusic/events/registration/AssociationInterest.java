package org.winformusic.events.registration;

/** Whether the registrant would join a Mexican independent music association. */
public enum AssociationInterest {

	YES, MAYBE, NO

}
