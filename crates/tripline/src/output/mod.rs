//! Renderers for scan results, one module per format, all fed the same
//! [`tripline_engine::ScanReport`].

pub mod json;
pub mod text;
pub mod timing;
