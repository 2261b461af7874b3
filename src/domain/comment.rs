//! Comments: how long their author may still edit them, and how a removed
//! one is shown.

use time::{Duration, OffsetDateTime};

use super::plan::Stage;

/// An author may correct a comment for this long after posting it.
pub const EDIT_WINDOW: Duration = Duration::minutes(15);

pub fn editable(created_at: OffsetDateTime, now: OffsetDateTime, removed: bool) -> bool {
    !removed && now - created_at <= EDIT_WINDOW
}

pub const MAX_BODY: usize = 5000;

pub fn check_body(body: &str) -> Result<String, String> {
    let b = body.trim();
    let n = b.chars().count();
    if n == 0 {
        Err(crate::i18n::t("tulis-komentar-anda-terlebih-dahulu").into())
    } else if n > MAX_BODY {
        Err(crate::i18n::tf!(
            "komentar-maksimal-karakter-sekarang",
            MAX_BODY = MAX_BODY,
            n = n
        ))
    } else {
        Ok(b.to_string())
    }
}

/// Public comments are taken only while a plan is in konsultasi publik.
pub fn public_comments_open(stage: Stage) -> bool {
    stage == Stage::KonsultasiPublik
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "tindak_lanjut", rename_all = "snake_case")]
pub enum TindakLanjut {
    Dijawab,
    Diterima,
    TidakDiterima,
}

crate::domain::names! {
    TindakLanjut {
        Dijawab => "dijawab", "Dijawab";
        Diterima => "diterima", "Diterima (diakomodasi)";
        TidakDiterima => "tidak_diterima", "Tidak diterima";
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "comment_visibility", rename_all = "snake_case")]
pub enum Visibility {
    /// Staff of the region and DPRD.
    Internal,
    /// Anyone who may read the plan (konsultasi publik).
    Publik,
}

crate::domain::names! {
    Visibility {
        Internal => "internal";
        Publik => "publik";
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "comment_target", rename_all = "snake_case")]
pub enum Target {
    Plan,
    Paragraph,
    Item,
    Indicator,
    Proposal,
}

/// Where a new top-level comment goes, as its form says: the target kind,
/// the item or indicator it names, and a paragraph's anchor (`bab-3-p2`).
/// None when the form names no place a comment can go. Whether an item or
/// indicator belongs to the plan is for the store to tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub target: Target,
    pub target_id: Option<uuid::Uuid>,
    pub anchor: Option<String>,
}

impl Place {
    pub fn parse(target: &str, target_id: &str, anchor: &str) -> Option<Place> {
        let anchor = Some(anchor.trim().to_string()).filter(|a| !a.is_empty());
        let target_id = uuid::Uuid::parse_str(target_id.trim()).ok();
        let target = match (target, &anchor) {
            ("plan", Some(_)) | ("paragraph", _) => Target::Paragraph,
            ("plan", None) => Target::Plan,
            ("item", _) => Target::Item,
            ("indicator", _) => Target::Indicator,
            _ => return None,
        };
        let complete = match target {
            Target::Plan => true,
            Target::Paragraph => anchor.as_deref().is_some_and(is_paragraph_anchor),
            Target::Item | Target::Indicator => target_id.is_some(),
            Target::Proposal => false,
        };
        complete.then_some(Place {
            target,
            target_id,
            anchor,
        })
    }
}

/// `bab-{section}-p{paragraph}`, as the plan page numbers paragraphs.
fn is_paragraph_anchor(a: &str) -> bool {
    a.strip_prefix("bab-")
        .and_then(|rest| rest.split_once("-p"))
        .is_some_and(|(x, y)| x.parse::<u32>().is_ok() && y.parse::<u32>().is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_comment_goes_only_to_a_place_the_form_names_fully() {
        let id = uuid::Uuid::nil().to_string();
        assert_eq!(
            Place::parse("plan", "", "").map(|p| p.target),
            Some(Target::Plan)
        );
        assert_eq!(
            Place::parse("plan", "", "bab-2-p3").map(|p| p.target),
            Some(Target::Paragraph)
        );
        assert_eq!(Place::parse("paragraph", "", "bab-x-p3"), None);
        assert_eq!(Place::parse("paragraph", "", "<script>"), None);
        assert_eq!(
            Place::parse("item", &id, "").map(|p| p.target),
            Some(Target::Item)
        );
        assert_eq!(Place::parse("item", "bukan-id", ""), None);
        assert_eq!(Place::parse("indicator", "", ""), None);
        assert_eq!(Place::parse("proposal", &id, ""), None);
        assert_eq!(Place::parse("", "", ""), None);
    }

    #[test]
    fn the_author_may_edit_for_fifteen_minutes() {
        let t = datetime!(2026-11-24 10:00 UTC);
        assert!(editable(t, t + Duration::minutes(14), false));
        assert!(!editable(t, t + Duration::minutes(16), false));
        assert!(!editable(t, t, true), "a removed comment stays removed");
    }

    #[test]
    fn bodies_are_trimmed_and_bounded() {
        assert!(check_body("   ").is_err());
        assert_eq!(
            check_body("  Mohon posyandu ditambah. ").unwrap(),
            "Mohon posyandu ditambah."
        );
        assert!(check_body(&"x".repeat(5001)).unwrap_err().contains("5001"));
    }
}
