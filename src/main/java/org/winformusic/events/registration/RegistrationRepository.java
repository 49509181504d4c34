package org.winformusic.events.registration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * Registrations as staff and registrants read and edit them. Reads return
 * {@link RegistrationView}s straight from the database (never a managed entity that a
 * set-based SQL update in the same transaction would leave stale); only an edit loads the
 * entity. Inserts, status changes, seats, search and export stay SQL in their own
 * classes.
 */
interface RegistrationRepository extends Repository<Registration, Long> {

	String VIEW = """
			select new org.winformusic.events.registration.RegistrationView(r.id, r.eventId, r.status, r.fullName,
			       r.email, r.company, r.jobTitle, r.companyType, r.state, r.city, r.phone, r.associationInterest,
			       r.referralSource, r.comments, r.newsOptIn, r.privacyConsentVersion, r.privacyConsentAt, r.locale,
			       r.createdAt, r.updatedAt, r.confirmedAt, r.cancelledAt, r.declinedAt, r.checkedInAt,
			       r.waitlistPosition, r.version)
			  from Registration r
			""";

	@Query(VIEW + " where r.id = :id")
	Optional<RegistrationView> findView(long id);

	@Query(VIEW + " where r.id = :id and r.anonymizedAt is null")
	Optional<RegistrationView> findViewWithPersonalData(long id);

	@Query(VIEW + " where r.id in :ids")
	List<RegistrationView> findViews(Collection<Long> ids);

	/** Which of these registrations were erased or anonymized. */
	@Query("select r.id from Registration r where r.id in :ids and r.anonymizedAt is not null")
	List<Long> findAnonymizedIds(Collection<Long> ids);

	/**
	 * Every registration of an address, not blocked ones, oldest first: {@code email} in
	 * its one spelling, {@code ascii} its ASCII form, the spelling rows stored before
	 * addresses were canonicalized may hold ({@link PublicRegistrations}).
	 */
	@Query(VIEW + " where lower(r.email) in (lower(:email), lower(:ascii)) and r.blockedAt is null"
			+ " order by r.createdAt, r.id")
	List<RegistrationView> findViewsByEmail(String email, String ascii);

	/** The entity as read now, with its version (for an edit form). */
	Optional<Registration> findById(long id);

	/**
	 * The entity to edit, its row locked for the rest of the transaction like the status
	 * changes lock it: a change cannot slip between the version check and the write.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Registration r where r.id = :id")
	Optional<Registration> findLockedById(long id);

	Registration saveAndFlush(Registration registration);

}
