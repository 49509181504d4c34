package org.winformusic.events.event;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EventRepository extends JpaRepository<Event, Long> {

	@Query("select e from Event e left join fetch e.speakers where e.slug = ?1")
	Optional<Event> findBySlug(String slug);

	@Query("select e from Event e where e.published = true and e.endsAt > ?1 order by e.startsAt")
	List<Event> findUpcomingPublished(Instant now);

}
