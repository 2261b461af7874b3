//! The stage machine (SPEC 3), one type for every plan kind. A planner
//! moves a plan forward; `ditetapkan` needs an approver other than the one
//! who asked for it; an approver may return a plan one stage back. An
//! enacted plan never moves again (changes go into a Perubahan document).

use time::OffsetDateTime;

use super::plan::{PlanKind, Stage};

#[derive(Debug, Clone, Copy, PartialEq, Eq, sqlx::Type)]
#[sqlx(type_name = "transition_kind", rename_all = "snake_case")]
pub enum Move {
    /// Forward to the next stage (the planner).
    Maju,
    /// From `menunggu_penetapan` to `ditetapkan` (an approver).
    Penetapan,
    /// One stage back, with a note (an approver).
    Kembali,
}

impl Move {
    pub fn label(self) -> &'static str {
        match self {
            Move::Maju => "dilanjutkan",
            Move::Penetapan => "ditetapkan",
            Move::Kembali => "dikembalikan",
        }
    }
}

fn index(kind: PlanKind, stage: Stage) -> Result<usize, String> {
    kind.stages()
        .iter()
        .position(|s| *s == stage)
        .ok_or_else(|| {
            crate::i18n::tf!(
                "tidak-memiliki-tahap",
                a1 = crate::i18n::label(kind.label()),
                a2 = crate::i18n::label(stage.label())
            )
        })
}

/// Where a move takes a plan of `kind` now in `from`, or why it cannot.
pub fn target(kind: PlanKind, from: Stage, mv: Move) -> Result<Stage, String> {
    let i = index(kind, from)?;
    let stages = kind.stages();
    if from == Stage::Ditetapkan {
        return Err(crate::i18n::t("rencana-ini-sudah-ditetapkan-perubahan-dilakukan").into());
    }
    match mv {
        Move::Maju => {
            let next = stages[i + 1];
            if next == Stage::Ditetapkan {
                Err(
                    crate::i18n::t("penetapan-memerlukan-persetujuan-pemberi-persetujuan-approver")
                        .into(),
                )
            } else {
                Ok(next)
            }
        }
        Move::Penetapan => {
            if from == Stage::MenungguPenetapan {
                Ok(Stage::Ditetapkan)
            } else {
                Err(crate::i18n::tf!(
                    "rencana-baru-dapat-ditetapkan-dari-tahap",
                    a1 = crate::i18n::label(from.label())
                ))
            }
        }
        Move::Kembali => {
            if i == 0 {
                Err(crate::i18n::tf!(
                    "adalah-tahap-pertama-tidak-ada-tahap",
                    a1 = crate::i18n::label(from.label())
                ))
            } else {
                Ok(stages[i - 1])
            }
        }
    }
}

/// The four-eyes rule: the approver must not be the one who asked.
pub fn check_four_eyes(
    approver: uuid::Uuid,
    requested_by: Option<uuid::Uuid>,
) -> Result<(), String> {
    if requested_by == Some(approver) {
        Err(crate::i18n::t("anda-sendiri-yang-mengajukan-penetapan-ini").into())
    } else {
        Ok(())
    }
}

/// Whether a stage's editing window is open at `now`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Window {
    /// No schedule, or inside it.
    Open,
    /// Opens later.
    NotYet(OffsetDateTime),
    /// Closed at this time.
    Closed(OffsetDateTime),
}

pub fn window(schedule: Option<(OffsetDateTime, OffsetDateTime)>, now: OffsetDateTime) -> Window {
    match schedule {
        Some((opens, _)) if now < opens => Window::NotYet(opens),
        Some((_, closes)) if now >= closes => Window::Closed(closes),
        _ => Window::Open,
    }
}

/// A stage's window as a planner sets it: whole days, the last not
/// before the first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Schedule {
    pub stage: Stage,
    pub opens: time::Date,
    pub closes: time::Date,
}

impl Schedule {
    /// The stage of a plan of `kind` (its `as_str` name) and the first
    /// and last day of its window as typed, or what is wrong with each
    /// field (`stage`, `dibuka`, `ditutup`).
    pub fn parse(
        kind: PlanKind,
        stage: &str,
        opens: &str,
        closes: &str,
    ) -> Result<Schedule, super::user::FieldErrors> {
        let stage = kind.stages().iter().copied().find(|s| s.as_str() == stage);
        let (opens, closes) = (
            crate::format::parse_date(opens),
            crate::format::parse_date(closes),
        );
        let mut errors = super::user::FieldErrors::default();
        if stage.is_none() {
            errors.add("stage", crate::i18n::t("pilih-tahap"));
        }
        if opens.is_none() {
            errors.add("dibuka", crate::i18n::t("isi-tanggal-dibuka-mis-2026-03"));
        }
        if closes.is_none() {
            errors.add("ditutup", crate::i18n::t("isi-tanggal-ditutup-mis-2026-03"));
        }
        if let (Some(a), Some(b)) = (opens, closes)
            && b < a
        {
            errors.add(
                "ditutup",
                crate::i18n::t("tanggal-ditutup-tidak-boleh-sebelum-tanggal"),
            );
        }
        match (stage, opens, closes) {
            (Some(stage), Some(opens), Some(closes)) if errors.is_empty() => Ok(Schedule {
                stage,
                opens,
                closes,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    /// Every kind, every stage, every move: allowed exactly where the
    /// machine says.
    #[test]
    fn every_transition_of_every_kind() {
        for kind in PlanKind::ALL {
            let stages = kind.stages();
            for (i, &from) in stages.iter().enumerate() {
                let last = i + 1 == stages.len();
                let fwd = target(kind, from, Move::Maju);
                if last || stages[i + 1] == Stage::Ditetapkan {
                    assert!(fwd.is_err(), "{kind:?} {from:?} forward");
                } else {
                    assert_eq!(fwd, Ok(stages[i + 1]), "{kind:?} {from:?}");
                }
                let enact = target(kind, from, Move::Penetapan);
                assert_eq!(
                    enact.is_ok(),
                    from == Stage::MenungguPenetapan,
                    "{kind:?} {from:?} enact"
                );
                let back = target(kind, from, Move::Kembali);
                if i == 0 || last {
                    assert!(back.is_err(), "{kind:?} {from:?} back");
                } else {
                    assert_eq!(back, Ok(stages[i - 1]), "{kind:?} {from:?} back");
                }
            }
            // A stage the kind skips is refused.
            if !stages.contains(&Stage::Musrenbang) {
                assert!(target(kind, Stage::Musrenbang, Move::Maju).is_err());
            }
        }
    }

    #[test]
    fn rkpd_goes_from_rancangan_awal_to_konsultasi() {
        assert_eq!(
            target(PlanKind::Rkpd, Stage::RancanganAwal, Move::Maju),
            Ok(Stage::KonsultasiPublik)
        );
        assert_eq!(
            target(PlanKind::Renja, Stage::Rancangan, Move::Maju),
            Ok(Stage::RancanganAkhir),
            "no Musrenbang"
        );
    }

    #[test]
    fn the_requester_cannot_approve() {
        let a = uuid::Uuid::now_v7();
        let b = uuid::Uuid::now_v7();
        assert!(check_four_eyes(a, Some(a)).is_err());
        assert!(check_four_eyes(a, Some(b)).is_ok());
    }

    #[test]
    fn windows() {
        let s = Some((
            datetime!(2026-02-01 0:00 UTC),
            datetime!(2026-03-01 0:00 UTC),
        ));
        assert_eq!(
            window(s, datetime!(2026-01-15 0:00 UTC)),
            Window::NotYet(datetime!(2026-02-01 0:00 UTC))
        );
        assert_eq!(window(s, datetime!(2026-02-15 0:00 UTC)), Window::Open);
        assert_eq!(
            window(s, datetime!(2026-03-01 0:00 UTC)),
            Window::Closed(datetime!(2026-03-01 0:00 UTC))
        );
        assert_eq!(window(None, datetime!(2026-03-01 0:00 UTC)), Window::Open);
    }

    #[test]
    fn a_schedule_parses_into_its_stage_and_days_or_says_which_field_is_wrong() {
        let ok = super::Schedule::parse(
            PlanKind::Rkpd,
            Stage::KonsultasiPublik.as_str(),
            "2026-03-01",
            "2026-03-01",
        )
        .unwrap();
        assert_eq!(ok.stage, Stage::KonsultasiPublik);
        assert_eq!(ok.opens, ok.closes, "one day is a window");
        let late = super::Schedule::parse(
            PlanKind::Rkpd,
            Stage::KonsultasiPublik.as_str(),
            "2026-03-10",
            "2026-03-09",
        )
        .unwrap_err();
        assert!(late.get("ditutup").is_some() && late.get("dibuka").is_none());
        let wrong = super::Schedule::parse(PlanKind::Rkpd, "bukan-tahap", "besok", "").unwrap_err();
        for f in ["stage", "dibuka", "ditutup"] {
            assert!(wrong.get(f).is_some(), "{f}");
        }
    }
}
