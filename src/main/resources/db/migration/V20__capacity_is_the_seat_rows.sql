-- An event's capacity is the number of its seat rows (event_seat, owned by the
-- registration feature), stored nowhere else: the column copied it and could drift.
alter table event drop column capacity;
