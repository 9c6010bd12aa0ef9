//! build
pub fn hosted(_t: &crate::setup::Tools) -> Result<std::path::PathBuf, String> { todo!() }
