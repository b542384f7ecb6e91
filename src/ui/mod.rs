//! Yew views.
