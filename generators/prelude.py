"""What the local workers' fork server (runner.py) loads once, before any worker forks from it: the
generator, and the reference tables every block reads, so that no worker builds them again for its
first block. The fork server does this while the caller builds the run's Context."""

import generators.blocks  # noqa: F401 (the generator itself)
from generators import geography, patients, reference

for shared in (
    reference.departements,
    reference.age_pyramid,
    reference.births,
    reference.urgences,
    geography.communes,
    geography.commune_pool,
    patients.landline_prefix_by_departement,
):
    shared()
