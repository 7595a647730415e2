"""The datathon: challenges (course/datathon/*.yml), hidden data, re-execution of team notebooks, leaderboard."""
