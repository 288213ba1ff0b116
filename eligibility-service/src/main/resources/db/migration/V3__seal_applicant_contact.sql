-- The applicant's name, mobile and delivery address are sealed at rest (the kit's Sealed converter): a sealed value
-- (<key id>:<base64 of IV, ciphertext and tag>) is longer than the clear one. Rows stored before stay readable and
-- are sealed when next written.
alter table booking alter column name type text, alter column mobile type text;
