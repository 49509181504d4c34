-- An export's audit entry kept the text staff searched for ("q=ana@example.org"): a name
-- or an address, which stayed in the log after the person's data was erased. Exports now
-- record only that a search was used ("search=yes"); the entries already written lose the
-- text the same way. The filters after it (status, company type, region, interest,
-- check-in, choice) are codes and ids, and stay.
update audit_log
   set details = regexp_replace(details,
           '(^|, )q=.*?((, (status|companyType|state|associationInterest|checkedIn|choice)=[A-Za-z0-9_-]*)*)$',
           '\1search=yes\2')
 where action = 'REGISTRATIONS_EXPORTED'
   and details ~ '(^|, )q=';
