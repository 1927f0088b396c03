"""De-identified supervision: consultation packets, their threads, peer groups and the
ethics consultation log. Supervisors work on packets under a pseudonym, never on identities."""
