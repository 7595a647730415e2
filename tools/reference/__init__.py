"""Builds the generator's compact reference tables (generators/reference/) from the source material.

    python -m tools.reference [--source ../shared/reference]

The source files (ATIH's nomenclatures, INSEE and La Poste geography; see their README) are read
here only: the generator reads the compact tables this writes, which are committed, and never the
sources. Each part of the build is a module: `nomenclatures` (CIM-10, GHM, tariffs, CCAM) and
`geography` (communes, postcodes, hospitals' cities).
"""
