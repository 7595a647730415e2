"""One module per step of the grading cycle, each with the function the command line calls:
release, samples, collect, autograde, feedback, report (with its dashboard), publish."""
