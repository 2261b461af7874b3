//! Nomenclature codes (Kepmendagri 050-5889/2021): program `1.02.02`,
//! kegiatan `1.02.02.2.01`, sub kegiatan `1.02.02.2.01.0001`.

use super::plan::Level;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct KodeNomenklatur(String);

impl KodeNomenklatur {
    /// Parses a code of a program, kegiatan or sub kegiatan. The urusan
    /// digit may be `X` only in the national list's support program rows.
    pub fn parse(raw: &str) -> Result<KodeNomenklatur, String> {
        let s = raw.trim();
        let parts: Vec<&str> = s.split('.').collect();
        let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
        let ok = match parts.len() {
            3 | 5 | 6 => {
                digits(parts[0], 1)
                    && digits(parts[1], 2)
                    && digits(parts[2], 2)
                    && (parts.len() < 5 || (digits(parts[3], 1) && digits(parts[4], 2)))
                    && (parts.len() < 6 || digits(parts[5], 4))
            }
            _ => false,
        };
        if ok {
            Ok(KodeNomenklatur(s.to_string()))
        } else {
            Err(crate::i18n::tf!(
                "kode-tidak-sesuai-format-nomenklatur-program",
                s = s
            ))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The level the code's shape says it is.
    pub fn level(&self) -> Level {
        match self.0.split('.').count() {
            3 => Level::Program,
            5 => Level::Kegiatan,
            _ => Level::SubKegiatan,
        }
    }

    /// Does this code sit under `parent` (starts with it, one level down)?
    pub fn is_child_of(&self, parent: &str) -> bool {
        self.0.len() > parent.len() + 1
            && self.0.starts_with(parent)
            && self.0.as_bytes()[parent.len()] == b'.'
    }

    /// The national list writes the support program of every bidang once,
    /// as `X.XX.01…`; in a plan it carries the agency's bidang. This is the
    /// code to look up for it.
    pub fn national_form(&self) -> Option<String> {
        let rest = self.0.splitn(3, '.').nth(2)?;
        rest.starts_with("01").then(|| format!("X.XX.{rest}"))
    }
}

impl std::fmt::Display for KodeNomenklatur {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Checks a code for an item of `level` under a parent with `parent_kode`
/// (the parent's code when it is a program or kegiatan). Presence in the
/// master and uniqueness in the plan need the database: `store` checks them.
pub fn check_for_item(
    raw: &str,
    level: Level,
    parent_kode: Option<&str>,
) -> Result<KodeNomenklatur, String> {
    let kode = KodeNomenklatur::parse(raw)?;
    if kode.level() != level {
        return Err(crate::i18n::tf!(
            "kode-adalah-kode-bukan",
            kode = kode,
            a1 = kode.level().label().to_lowercase(),
            a2 = level.label().to_lowercase()
        ));
    }
    if let Some(p) = parent_kode
        && !kode.is_child_of(p)
    {
        return Err(crate::i18n::tf!(
            "kode-harus-diawali-kode-induknya",
            kode = kode,
            p = p
        ));
    }
    Ok(kode)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_of_each_level() {
        assert_eq!(
            KodeNomenklatur::parse("1.02.02").unwrap().level(),
            Level::Program
        );
        assert_eq!(
            KodeNomenklatur::parse("1.02.02.2.01").unwrap().level(),
            Level::Kegiatan
        );
        assert_eq!(
            KodeNomenklatur::parse(" 1.02.02.2.01.0001 ")
                .unwrap()
                .level(),
            Level::SubKegiatan
        );
        for bad in [
            "",
            "1.02",
            "1.2.02",
            "1.02.02.2",
            "1.02.02.2.1",
            "1.02.02.2.01.001",
            "a.02.02",
            "1.02.02.2.01.0001.1",
            "1,02,02",
        ] {
            assert!(KodeNomenklatur::parse(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn a_child_starts_with_its_parents_code() {
        assert!(check_for_item("1.02.02.2.01", Level::Kegiatan, Some("1.02.02")).is_ok());
        let e = check_for_item("1.02.03.2.01", Level::Kegiatan, Some("1.02.02")).unwrap_err();
        assert!(e.contains("diawali kode induknya 1.02.02"), "{e}");
        // 1.02.022 must not pass as a child of 1.02.02.
        assert!(
            !KodeNomenklatur::parse("1.02.02.2.01")
                .unwrap()
                .is_child_of("1.02.0")
        );
        assert!(
            check_for_item(
                "1.02.02.2.01.0001",
                Level::SubKegiatan,
                Some("1.02.02.2.01")
            )
            .is_ok()
        );
    }

    #[test]
    fn the_level_must_match_the_shape() {
        let e = check_for_item("1.02.02", Level::Kegiatan, None).unwrap_err();
        assert!(e.contains("kode program, bukan kegiatan"), "{e}");
    }

    #[test]
    fn the_support_program_is_looked_up_in_its_national_form() {
        let k = KodeNomenklatur::parse("1.02.01.2.02.0001").unwrap();
        assert_eq!(k.national_form().as_deref(), Some("X.XX.01.2.02.0001"));
        assert_eq!(
            KodeNomenklatur::parse("1.02.02").unwrap().national_form(),
            None
        );
    }
}
