"""Synthetic French hospital data for the Innov'Health datathon kit."""
