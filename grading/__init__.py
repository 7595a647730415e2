"""Release, collect, autograde and report for the Innov'Health datathon kit (built on nbgrader)."""
