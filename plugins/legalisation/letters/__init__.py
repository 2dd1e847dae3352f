"""Letters and decisions from the office's templates: placeholders, seed texts, issuing, PDF, reminders."""
