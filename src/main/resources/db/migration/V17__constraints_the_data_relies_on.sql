-- The unique index on (event, address) covers every status but CANCELLED: a declined
-- registration keeps its address too, so organizers' "no" cannot be undone by registering
-- again. Its old name said "active", which in the code means pending, confirmed or
-- waitlisted only (RegistrationStatus.active() and holdsAddress()).
alter index registration_active_email_uq rename to registration_address_held_uq;
