"""The package version (code) and the data version (the shipped dataset), kept apart."""

__version__ = "0.2.0"

#: Version of the shipped dataset (semver). The data manifest records the same value and
#: the loader refuses data whose manifest disagrees, so code and data cannot drift apart.
DATA_VERSION = "0.2.0"
