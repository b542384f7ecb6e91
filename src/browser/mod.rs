//! Browser adapters.
