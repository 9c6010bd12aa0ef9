//! The ethics office's studio: opens the advisor's rule pack, edits it through forms, checks
//! every change with the engine's own validator and the case library, and publishes the TOML
//! files and a ready-to-use single-file advisor — in one HTML file, offline, with no storage.

pub mod app;
pub mod model;
pub mod publish;
pub mod words;
