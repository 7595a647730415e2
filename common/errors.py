"""The one kind of error a command line turns into a one-line message and exit status 2."""


class BadInput(Exception):
    """Input a user can fix (an option, a file, a folder): the message says what is wrong and what to do.

    Every other exception is a bug of the kit and shows its traceback."""
