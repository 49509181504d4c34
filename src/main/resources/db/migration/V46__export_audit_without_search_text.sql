-- An export's audit entry kept the text staff searched for ("q=ana@example.org"): a name
-- or an address, which stayed in the log after the person's data was erased. Exports now
-- record only that a search was used ("search=yes"); the entries already written lose the
-- text the same way. The filters after it (status, company type, region, interest,
-- check-in, choice) stay: the text ends where the first of them starts (a region may be
-- text as typed, "state=São Paulo", so their values are not what tells). The comma before
-- q= is a lookbehind: an alternation there would make PostgreSQL's whole match greedy.
update audit_log
   set details = regexp_replace(details,
           '(?<=^|, )q=.*?(?=, (status|companyType|state|associationInterest|checkedIn|choice)=|$)',
           'search=yes')
 where action = 'REGISTRATIONS_EXPORTED'
   and details ~ '(^|, )q=';
