//! Pure types and rules: no SQL, no HTTP. Input becomes one of these types
//! at the edge, so the rest of the code cannot hold a bad value.

/// An enum's names from one table (issue 12): the stable name stored in
/// the database and sent in forms and URLs, and the label people read (in
/// Indonesian; templates translate it, `{{ x.label()|t }}`). Gives `ALL`,
/// `as_str`, `parse` and `label`, so a variant cannot be added without
/// both.
macro_rules! names {
    ($t:ident { $($v:ident => $name:literal, $label:literal;)+ }) => {
        $crate::domain::names! { $t { $($v => $name;)+ } }

        impl $t {
            pub fn label(self) -> &'static str {
                match self {
                    $($t::$v => $label,)+
                }
            }
        }
    };
    // Names that are never shown to a person (a session's step, a link's
    // purpose): no label.
    ($t:ident { $($v:ident => $name:literal;)+ }) => {
        impl $t {
            pub const ALL: [$t; [$(stringify!($v)),+].len()] = [$($t::$v),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($t::$v => $name,)+
                }
            }

            pub fn parse(s: &str) -> Option<$t> {
                Self::ALL.into_iter().find(|x| x.as_str() == s)
            }
        }
    };
}
pub(crate) use names;

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
