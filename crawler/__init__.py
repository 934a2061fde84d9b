"""govarchive: archival crawler for Vietnamese local government web portals."""

__version__ = "0.1.0"
