"""What a participant's notebook imports: the dataset loader (participant.data) and the self-checks
(participant.checks). This package, with the generator, is what `python -m grading publish` ships to
participants; nothing in it may know an answer."""
