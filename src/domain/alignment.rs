//! Where an item of the cascade should be aligned upward (SPEC 4): which
//! kinds of plan, at which levels, and in which region. Used by the
//! alignment links on the item page and the "belum selaras" list; K07 and
//! K11 check two of these in the consistency rules.

use super::plan::{Level, PlanKind};

/// Whose plans hold the items to align to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The same region's plans.
    SameRegion,
    /// The province's plans (for a kab/kota plan).
    Province,
}

/// The upward target of items of one level in one kind of plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Upward {
    pub kinds: &'static [PlanKind],
    pub levels: &'static [Level],
    pub scope: Scope,
}

impl Upward {
    /// "sasaran atau program RPJMD", for the page.
    pub fn describe(&self) -> String {
        let levels: Vec<String> = self
            .levels
            .iter()
            .map(|l| l.label().to_lowercase())
            .collect();
        let kinds: Vec<&str> = self.kinds.iter().map(|k| k.label()).collect();
        let whose = match self.scope {
            Scope::SameRegion => "",
            Scope::Province => " provinsi",
        };
        format!("{} {}{whose}", levels.join(" atau "), kinds.join("/"))
    }
}

/// The upward target of a level in a kind of plan, when one is expected.
/// Village kegiatan point to their kab/kota program through their own
/// field ("mendukung program"), checked by K12, so they have none here.
pub fn upward(kind: PlanKind, level: Level) -> Option<Upward> {
    use Level::*;
    use PlanKind::*;
    let (kinds, levels, scope): (&'static [PlanKind], &'static [Level], Scope) = match (kind, level)
    {
        (Rpjmd, Misi) => (&[Rpjpd], &[Misi], Scope::SameRegion),
        (Rpjmd, Tujuan | Sasaran) => (&[Rpjpd], &[SasaranPokok], Scope::SameRegion),
        (Renstra, Tujuan | Sasaran) => (&[Rpjmd], &[Tujuan, Sasaran], Scope::SameRegion),
        (Renstra, Program) => (&[Rpjmd], &[Program], Scope::SameRegion),
        (Rkpd | RkpdPerubahan, Program) => (&[Rpjmd], &[Sasaran, Program], Scope::SameRegion),
        (Rkpd, Prioritas) => (&[Rkpd], &[Prioritas], Scope::Province),
        (Renja, Program) => (&[Rkpd], &[Program], Scope::SameRegion),
        (Renja, Kegiatan) => (&[Rkpd], &[Kegiatan], Scope::SameRegion),
        (Renja, SubKegiatan) => (&[Rkpd], &[SubKegiatan], Scope::SameRegion),
        _ => return None,
    };
    Some(Upward {
        kinds,
        levels,
        scope,
    })
}

/// The region whose plans hold the targets: the plan's own, or its
/// province for a kab/kota plan (`None` for a province's own plan).
pub fn target_region(scope: Scope, region: &str) -> Option<&str> {
    match scope {
        Scope::SameRegion => Some(region),
        Scope::Province => region.split_once('.').map(|(p, _)| p),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rkpd_programs_align_to_the_rpjmd_and_priorities_to_the_province() {
        let p = upward(PlanKind::Rkpd, Level::Program).unwrap();
        assert_eq!(p.kinds, &[PlanKind::Rpjmd]);
        assert!(p.levels.contains(&Level::Sasaran) && p.levels.contains(&Level::Program));
        assert_eq!(p.describe(), "sasaran atau program RPJMD");
        let q = upward(PlanKind::Rkpd, Level::Prioritas).unwrap();
        assert_eq!(q.scope, Scope::Province);
        assert_eq!(target_region(q.scope, "33.71"), Some("33"));
        assert_eq!(target_region(q.scope, "33"), None);
    }

    #[test]
    fn renja_items_align_to_the_same_level_of_the_rkpd() {
        for l in [Level::Program, Level::Kegiatan, Level::SubKegiatan] {
            let u = upward(PlanKind::Renja, l).unwrap();
            assert_eq!((u.kinds, u.levels), (&[PlanKind::Rkpd][..], &[l][..]));
        }
    }

    #[test]
    fn tops_of_the_tree_and_village_kegiatan_have_no_upward_link() {
        assert!(upward(PlanKind::Rpjpd, Level::Visi).is_none());
        assert!(upward(PlanKind::Rkpd, Level::Kegiatan).is_none());
        assert!(upward(PlanKind::Rkpdes, Level::KegiatanDesa).is_none());
    }
}
