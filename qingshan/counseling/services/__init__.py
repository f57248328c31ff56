"""Every write of counseling (keyword-only arguments, one transaction, nothing changed on bad
input); see each module's invariants."""
