"""Maintainers' tools, not the kit's run time: nothing in generators/, participant/ or grading/ imports them."""
