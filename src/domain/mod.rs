//! Pure types and rules: no SQL, no HTTP. Input becomes one of these types
//! at the edge, so the rest of the code cannot hold a bad value.

pub mod org;
pub mod region;
pub mod role;
pub mod user;
