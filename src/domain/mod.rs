//! Pure types and rules: no SQL, no HTTP. Input becomes one of these types
//! at the edge, so the rest of the code cannot hold a bad value.

pub mod alignment;
pub mod annex;
pub mod attachment;
pub mod checks;
pub mod comment;
pub mod indicator;
pub mod item;
pub mod kerja_sama;
pub mod kode;
pub mod map;
pub mod markdown;
pub mod meeting;
pub mod money;
pub mod musrenbang;
pub mod nomenklatur_csv;
pub mod org;
pub mod plan;
pub mod plan_import;
pub mod proposal;
pub mod region;
pub mod role;
pub mod roster;
pub mod search;
pub mod snapshot;
pub mod stage;
pub mod target_pagu;
pub mod user;
