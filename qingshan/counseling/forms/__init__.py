"""Forms of counseling; they validate input and hand values to the services."""
