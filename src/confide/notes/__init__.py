"""Session notes: encrypted, drafted, signed, amended; some tagged sensitive."""
