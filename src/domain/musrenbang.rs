//! The Musrenbang calendar (issue 17): the region sets, for each RKPD year,
//! the window of every level (Musrenbang desa/kelurahan, kecamatan, forum
//! perangkat daerah, Musrenbang kab/kota, pokir DPRD); outside its window a
//! level cannot submit or move proposals on. A level without a window is
//! open. Dates are whole days in WIB, both ends included.

use serde::Deserialize;
use time::Date;

use super::proposal::{Level, Source, Status, Step};
use super::user::FieldErrors;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tahap {
    Desa,
    Kecamatan,
    PerangkatDaerah,
    Kabkota,
    Pokir,
}

crate::domain::names! {
    Tahap {
        Desa => "desa", "Musrenbang desa/kelurahan";
        Kecamatan => "kecamatan", "Musrenbang kecamatan";
        PerangkatDaerah => "perangkat_daerah", "Forum perangkat daerah";
        Kabkota => "kabkota", "Musrenbang kabupaten/kota";
        Pokir => "pokir", "Penyampaian pokir DPRD";
    }
}

impl Tahap {
    /// The roles told before this window closes.
    pub fn roles(self) -> &'static [&'static str] {
        match self {
            Tahap::Desa => &["village", "community"],
            Tahap::Kecamatan | Tahap::PerangkatDaerah => &["agency"],
            Tahap::Kabkota => &["planner"],
            Tahap::Pokir => &["reviewer"],
        }
    }

    /// The window a new proposal of `source` is sent in.
    pub fn of_source(source: Source) -> Tahap {
        match source {
            Source::Musrenbang | Source::Aspirasi => Tahap::Desa,
            Source::Renja => Tahap::PerangkatDaerah,
            Source::Pokir => Tahap::Pokir,
        }
    }

    /// The window a step on a proposal in `status` is taken in; None for
    /// a step no calendar governs (Bappeda moving an accepted proposal to
    /// another sub kegiatan, after the RKPD changed).
    pub fn of_step(status: Status, step: Step) -> Option<Tahap> {
        if status == Status::Diakomodir {
            return None;
        }
        Some(match (status.level()?, step) {
            (Level::Desa, _) => Tahap::Desa,
            (Level::Kecamatan, _) => Tahap::Kecamatan,
            (Level::PerangkatDaerah, _) => Tahap::PerangkatDaerah,
            (Level::Kabkota, _) => Tahap::Kabkota,
        })
    }
}

/// A window, both days included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub opens: Date,
    pub closes: Date,
}

/// `2 Januari 2027`
pub fn tanggal(d: Date) -> String {
    format!(
        "{} {} {}",
        d.day(),
        crate::format::months()[d.month() as usize - 1],
        d.year()
    )
}

impl Window {
    pub fn label(&self) -> String {
        format!("{} s.d. {}", tanggal(self.opens), tanggal(self.closes))
    }
}

/// Whether `tahap` may act on `today` for RKPD `year`, or why not, in a
/// sentence that gives the window.
pub fn check(tahap: Tahap, year: i32, window: Option<Window>, today: Date) -> Result<(), String> {
    let Some(w) = window else {
        return Ok(());
    };
    if today < w.opens {
        Err(crate::i18n::tf!(
            "untuk-rkpd-baru-dibuka-usulan-belum",
            a1 = crate::i18n::label(tahap.label()),
            year = year,
            a2 = w.label()
        ))
    } else if today > w.closes {
        Err(crate::i18n::tf!(
            "untuk-rkpd-sudah-ditutup-usulan-tidak",
            a1 = crate::i18n::label(tahap.label()),
            year = year,
            a2 = w.label()
        ))
    } else {
        Ok(())
    }
}

/// The calendar form as typed: an opening and a closing date per level,
/// in the order of `Tahap::ALL`.
#[derive(Debug, Deserialize, Default, Clone)]
#[serde(default)]
pub struct CalendarForm {
    pub buka: Vec<String>,
    pub tutup: Vec<String>,
}

/// The error keys of each level's dates.
const FIELDS: [(&str, &str); 5] = [
    ("buka_desa", "tutup_desa"),
    ("buka_kecamatan", "tutup_kecamatan"),
    ("buka_perangkat_daerah", "tutup_perangkat_daerah"),
    ("buka_kabkota", "tutup_kabkota"),
    ("buka_pokir", "tutup_pokir"),
];

impl CalendarForm {
    pub fn row(&self, i: usize) -> (String, String) {
        let at = |v: &[String]| v.get(i).cloned().unwrap_or_default();
        (at(&self.buka), at(&self.tutup))
    }

    /// Each level: both dates or neither; the closing day not before the
    /// opening day.
    pub fn check(&self) -> Result<Vec<(Tahap, Option<Window>)>, FieldErrors> {
        let mut e = FieldErrors::default();
        let mut out = Vec::new();
        for (i, tahap) in Tahap::ALL.into_iter().enumerate() {
            let (buka, tutup) = self.row(i);
            let (fb, ft) = FIELDS[i];
            let opens = crate::format::parse_date(&buka);
            let closes = crate::format::parse_date(&tutup);
            match (
                buka.trim().is_empty(),
                tutup.trim().is_empty(),
                opens,
                closes,
            ) {
                (true, true, _, _) => out.push((tahap, None)),
                (_, _, Some(opens), Some(closes)) if closes >= opens => {
                    out.push((tahap, Some(Window { opens, closes })))
                }
                (_, _, Some(_), Some(_)) => e.add(
                    ft,
                    crate::i18n::t("tanggal-tutup-tidak-boleh-sebelum-tanggal"),
                ),
                (_, _, o, c) => {
                    if o.is_none() {
                        e.add(
                            fb,
                            crate::i18n::t("isi-tanggal-buka-atau-kosongkan-keduanya"),
                        );
                    }
                    if c.is_none() {
                        e.add(
                            ft,
                            crate::i18n::t("isi-tanggal-tutup-atau-kosongkan-keduanya"),
                        );
                    }
                }
            }
        }
        if e.is_empty() { Ok(out) } else { Err(e) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn a_window_includes_both_days() {
        let w = Some(Window {
            opens: date!(2026 - 01 - 02),
            closes: date!(2026 - 01 - 31),
        });
        let t = Tahap::Desa;
        assert!(check(t, 2027, w, date!(2026 - 01 - 02)).is_ok());
        assert!(check(t, 2027, w, date!(2026 - 01 - 31)).is_ok());
        let early = check(t, 2027, w, date!(2026 - 01 - 01)).unwrap_err();
        assert!(
            early.contains("baru dibuka 2 Januari 2026 s.d. 31 Januari 2026"),
            "{early}"
        );
        let late = check(t, 2027, w, date!(2026 - 02 - 01)).unwrap_err();
        assert!(late.contains("sudah ditutup"), "{late}");
        assert!(
            check(t, 2027, None, date!(2030 - 01 - 01)).is_ok(),
            "no window: open"
        );
    }

    #[test]
    fn each_step_has_its_window() {
        assert_eq!(Tahap::of_source(Source::Pokir), Tahap::Pokir);
        assert_eq!(Tahap::of_source(Source::Aspirasi), Tahap::Desa);
        let of = Tahap::of_step;
        assert_eq!(
            of(Status::DiteruskanKecamatan, Step::Tolak),
            Some(Tahap::Kecamatan)
        );
        assert_eq!(
            of(Status::Diverifikasi, Step::Akomodir),
            Some(Tahap::Kabkota)
        );
        assert_eq!(
            of(Status::Diakomodir, Step::Akomodir),
            None,
            "moving an accepted one"
        );
        assert_eq!(of(Status::Ditolak, Step::Teruskan), None);
    }

    #[test]
    fn the_calendar_form_parses_per_level() {
        let f = |b: &[&str], t: &[&str]| CalendarForm {
            buka: b.iter().map(|s| s.to_string()).collect(),
            tutup: t.iter().map(|s| s.to_string()).collect(),
        };
        let ok = f(
            &["2026-01-02", "", "", "", ""],
            &["2026-01-31", "", "", "", ""],
        )
        .check()
        .unwrap();
        assert!(ok[0].1.is_some() && ok[1].1.is_none());
        let bad = f(&["2026-02-02", "2026-03-01", "x"], &["2026-01-31", "", ""])
            .check()
            .unwrap_err();
        assert!(bad.get("tutup_desa").is_some());
        assert!(bad.get("tutup_kecamatan").is_some());
        assert!(bad.get("buka_perangkat_daerah").is_some());
    }
}
