//! The demo website: a fictional Norwegian company using Samtykke's Yew components.

pub mod pages;
pub mod switcher;
