//! A plan frozen at a moment (a stage transition, or "today"), and the
//! redline comparison of two such moments: texts word by word, items added,
//! removed and changed, targets and pagu changed.

use std::collections::{BTreeMap, HashMap};

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::time::{Duration, Instant};

use similar::{ChangeTag, TextDiff};
use uuid::Uuid;

use super::indicator::format_nilai;
use super::money::Rupiah;
use super::plan::{Level, Stage};

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Snapshot {
    pub title: String,
    pub stage: Stage,
    pub sections: Vec<SnapSection>,
    pub items: Vec<SnapItem>,
    pub indicators: Vec<SnapIndicator>,
    pub pagu: Vec<SnapPagu>,
}

/// The pagu of an item in a year. Kept in the frozen JSON as the array
/// `[item, year, amount]`, as snapshots have always held it.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq)]
#[serde(from = "(Uuid, i32, Rupiah)", into = "(Uuid, i32, Rupiah)")]
pub struct SnapPagu {
    pub item: Uuid,
    pub year: i32,
    pub amount: Rupiah,
}

impl From<(Uuid, i32, Rupiah)> for SnapPagu {
    fn from((item, year, amount): (Uuid, i32, Rupiah)) -> Self {
        SnapPagu { item, year, amount }
    }
}

impl From<SnapPagu> for (Uuid, i32, Rupiah) {
    fn from(p: SnapPagu) -> Self {
        (p.item, p.year, p.amount)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SnapSection {
    pub id: Uuid,
    pub title: String,
    pub body_md: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SnapItem {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub level: Level,
    pub kode: Option<String>,
    pub nama: String,
    pub description: String,
    pub responsible: Option<String>,
    pub lokasi: Vec<String>,
    pub sumber_dana: Option<String>,
    /// Months of execution; absent in snapshots frozen before it existed.
    #[serde(default)]
    pub bulan: Option<(i16, i16)>,
    pub tags: Vec<String>,
    pub source_item_id: Option<Uuid>,
}

impl SnapItem {
    pub fn label(&self) -> String {
        match &self.kode {
            Some(k) => format!("{} {k} {}", self.level.label(), self.nama),
            None => format!("{} {}", self.level.label(), self.nama),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SnapIndicator {
    pub id: Uuid,
    pub item_id: Uuid,
    pub name: String,
    pub satuan: String,
    pub kondisi_awal: Option<Decimal>,
    pub kondisi_akhir: Option<Decimal>,
    pub years: Vec<YearRow>,
}

/// (year, target, target_max, realisasi) of an indicator.
pub type YearRow = (i32, Option<Decimal>, Option<Decimal>, Option<Decimal>);

/// A run of words in a text comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    pub change: Change,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    Same,
    Added,
    Removed,
}

impl Change {
    pub fn class(&self) -> &'static str {
        match self {
            Change::Same => "same",
            Change::Added => "ins",
            Change::Removed => "del",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionDiff {
    pub title: String,
    pub status: &'static str,
    pub words: Vec<Words>,
    /// Set when the word comparison was cut short (too long a text, or out
    /// of time): what the reader sees instead.
    pub note: Option<&'static str>,
}

/// One changed value: what, before, after.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueChange {
    pub what: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub sections: Vec<SectionDiff>,
    pub items_added: Vec<String>,
    pub items_removed: Vec<String>,
    pub items_changed: Vec<ValueChange>,
    pub targets_changed: Vec<ValueChange>,
    pub pagu_changed: Vec<ValueChange>,
}

impl Comparison {
    pub fn is_empty(&self) -> bool {
        self.sections.iter().all(|s| s.status == "sama")
            && self.items_added.is_empty()
            && self.items_removed.is_empty()
            && self.items_changed.is_empty()
            && self.targets_changed.is_empty()
            && self.pagu_changed.is_empty()
    }

    pub fn changed_sections(&self) -> Vec<&SectionDiff> {
        self.sections
            .iter()
            .filter(|s| s.status != "sama")
            .collect()
    }
}

/// Longest text (in bytes, each side) compared word by word; longer ones
/// are shown whole, before and after.
pub const WORD_DIFF_MAX: usize = 200_000;
/// Time one section's word comparison may take before it settles for a
/// coarser answer.
pub const WORD_DIFF_TIME: Duration = Duration::from_millis(300);

/// The word diff of a section, bounded in size and time.
fn word_diff(a: &str, b: &str) -> (Vec<Words>, Option<&'static str>) {
    if a.len() > WORD_DIFF_MAX || b.len() > WORD_DIFF_MAX {
        let whole = vec![
            Words {
                change: Change::Removed,
                text: a.to_string(),
            },
            Words {
                change: Change::Added,
                text: b.to_string(),
            },
        ];
        return (
            whole,
            Some(crate::i18n::t("teks-bab-ini-terlalu-panjang-untuk")),
        );
    }
    let deadline = Instant::now() + WORD_DIFF_TIME;
    let diff = TextDiff::configure().deadline(deadline).diff_words(a, b);
    let out = words_of(&diff);
    let note = (Instant::now() >= deadline).then_some(crate::i18n::t(
        "perbandingan-bab-ini-dihentikan-karena-melewati",
    ));
    (out, note)
}

fn words_of<'a>(diff: &TextDiff<'a, 'a, 'a, str>) -> Vec<Words> {
    let mut out: Vec<Words> = Vec::new();
    for c in diff.iter_all_changes() {
        let change = match c.tag() {
            ChangeTag::Equal => Change::Same,
            ChangeTag::Insert => Change::Added,
            ChangeTag::Delete => Change::Removed,
        };
        match out.last_mut() {
            Some(last) if last.change == change => last.text.push_str(c.value()),
            _ => out.push(Words {
                change,
                text: c.value().to_string(),
            }),
        }
    }
    out
}

fn dash(v: Option<Decimal>) -> String {
    v.map(format_nilai).unwrap_or_else(|| "–".into())
}

fn target_text(t: Option<Decimal>, m: Option<Decimal>) -> String {
    match (t, m) {
        (Some(t), Some(m)) => format!("{}–{}", format_nilai(t), format_nilai(m)),
        (t, _) => dash(t),
    }
}

/// What changed from `a` (earlier) to `b` (later).
pub fn compare(a: &Snapshot, b: &Snapshot) -> Comparison {
    let mut out = Comparison::default();
    // Sections, in the later order, then those removed.
    let old_sections: HashMap<Uuid, &SnapSection> = a.sections.iter().map(|s| (s.id, s)).collect();
    for s in &b.sections {
        match old_sections.get(&s.id) {
            None => out.sections.push(SectionDiff {
                title: s.title.clone(),
                status: "baru",
                words: vec![Words {
                    change: Change::Added,
                    text: s.body_md.clone(),
                }],
                note: None,
            }),
            Some(o) if o.body_md == s.body_md && o.title == s.title => {
                out.sections.push(SectionDiff {
                    title: s.title.clone(),
                    status: "sama",
                    words: vec![],
                    note: None,
                })
            }
            Some(o) => {
                let (words, note) = word_diff(&o.body_md, &s.body_md);
                out.sections.push(SectionDiff {
                    title: if o.title == s.title {
                        s.title.clone()
                    } else {
                        format!("{} (semula: {})", s.title, o.title)
                    },
                    status: "berubah",
                    words,
                    note,
                })
            }
        }
    }
    let new_ids: std::collections::HashSet<Uuid> = b.sections.iter().map(|s| s.id).collect();
    for s in a.sections.iter().filter(|s| !new_ids.contains(&s.id)) {
        out.sections.push(SectionDiff {
            title: s.title.clone(),
            status: "dihapus",
            words: vec![Words {
                change: Change::Removed,
                text: s.body_md.clone(),
            }],
            note: None,
        });
    }

    // Items.
    let old_items: HashMap<Uuid, &SnapItem> = a.items.iter().map(|i| (i.id, i)).collect();
    let new_items: HashMap<Uuid, &SnapItem> = b.items.iter().map(|i| (i.id, i)).collect();
    for i in &b.items {
        match old_items.get(&i.id) {
            None => out.items_added.push(i.label()),
            Some(o) => {
                let mut field = |what: &str, x: String, y: String| {
                    if x != y {
                        out.items_changed.push(ValueChange {
                            what: format!("{} · {what}", i.label()),
                            before: x,
                            after: y,
                        });
                    }
                };
                field(
                    "kode",
                    o.kode.clone().unwrap_or_default(),
                    i.kode.clone().unwrap_or_default(),
                );
                field("uraian", o.nama.clone(), i.nama.clone());
                field("keterangan", o.description.clone(), i.description.clone());
                field(
                    "penanggung jawab",
                    o.responsible.clone().unwrap_or_default(),
                    i.responsible.clone().unwrap_or_default(),
                );
                field("lokasi", o.lokasi.join(", "), i.lokasi.join(", "));
                field(
                    "sumber dana",
                    o.sumber_dana.clone().unwrap_or_default(),
                    i.sumber_dana.clone().unwrap_or_default(),
                );
                field("prioritas", o.tags.join(", "), i.tags.join(", "));
                let months = |b: Option<(i16, i16)>| {
                    b.map(|(a, b)| super::plan::months_label(a, b))
                        .unwrap_or_default()
                };
                field("waktu pelaksanaan", months(o.bulan), months(i.bulan));
            }
        }
    }
    for i in a.items.iter().filter(|i| !new_items.contains_key(&i.id)) {
        out.items_removed.push(i.label());
    }

    // Targets, by indicator and year.
    let label_of = |items: &HashMap<Uuid, &SnapItem>, id: Uuid| {
        items.get(&id).map(|i| i.label()).unwrap_or_default()
    };
    let old_ind: HashMap<Uuid, &SnapIndicator> = a.indicators.iter().map(|i| (i.id, i)).collect();
    for n in &b.indicators {
        let owner = label_of(&new_items, n.item_id);
        let Some(o) = old_ind.get(&n.id) else {
            out.items_changed.push(ValueChange {
                what: crate::i18n::tf!("indikator-baru-3", owner = owner),
                before: "–".into(),
                after: format!("{} ({})", n.name, n.satuan),
            });
            continue;
        };
        let years: BTreeMap<i32, (Option<Decimal>, Option<Decimal>)> =
            o.years.iter().map(|(y, t, m, _)| (*y, (*t, *m))).collect();
        let new_years: BTreeMap<i32, (Option<Decimal>, Option<Decimal>)> =
            n.years.iter().map(|(y, t, m, _)| (*y, (*t, *m))).collect();
        let all: std::collections::BTreeSet<i32> =
            years.keys().chain(new_years.keys()).copied().collect();
        for y in all {
            let before = years.get(&y).copied().unwrap_or((None, None));
            let after = new_years.get(&y).copied().unwrap_or((None, None));
            if before != after {
                out.targets_changed.push(ValueChange {
                    what: format!("{} ({}) · target {y}", n.name, n.satuan),
                    before: target_text(before.0, before.1),
                    after: target_text(after.0, after.1),
                });
            }
        }
        if o.kondisi_akhir != n.kondisi_akhir {
            out.targets_changed.push(ValueChange {
                what: crate::i18n::tf!("kondisi-akhir-2", a1 = n.name, a2 = n.satuan),
                before: dash(o.kondisi_akhir),
                after: dash(n.kondisi_akhir),
            });
        }
    }

    // Pagu.
    let old_pagu: BTreeMap<(Uuid, i32), Rupiah> = a
        .pagu
        .iter()
        .map(|p| ((p.item, p.year), p.amount))
        .collect();
    let new_pagu: BTreeMap<(Uuid, i32), Rupiah> = b
        .pagu
        .iter()
        .map(|p| ((p.item, p.year), p.amount))
        .collect();
    let keys: std::collections::BTreeSet<(Uuid, i32)> =
        old_pagu.keys().chain(new_pagu.keys()).copied().collect();
    for k in keys {
        let (x, y) = (old_pagu.get(&k), new_pagu.get(&k));
        if x != y {
            let label = new_items
                .get(&k.0)
                .or(old_items.get(&k.0))
                .map(|i| i.label())
                .unwrap_or_default();
            out.pagu_changed.push(ValueChange {
                what: format!("{label} · pagu {}", k.1),
                before: x.map(|d| d.text()).unwrap_or_else(|| "–".into()),
                after: y.map(|d| d.text()).unwrap_or_else(|| "–".into()),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: Uuid, nama: &str) -> SnapItem {
        SnapItem {
            id,
            parent_id: None,
            level: Level::Program,
            kode: Some("1.02.02".into()),
            nama: nama.into(),
            description: String::new(),
            responsible: Some("Dinas Kesehatan".into()),
            lokasi: vec![],
            sumber_dana: None,
            bulan: None,
            tags: vec![],
            source_item_id: None,
        }
    }

    #[test]
    fn a_text_too_long_is_shown_whole_and_says_so() {
        let long = "kata ".repeat(WORD_DIFF_MAX / 5 + 10);
        let (words, note) = word_diff(&long, "pendek");
        assert!(note.is_some_and(|n| n.contains("terlalu panjang")));
        assert_eq!(words.len(), 2);
        assert_eq!(words[0].change, Change::Removed);
        assert_eq!(words[1].text, "pendek");
        // An ordinary change is compared word by word, with no note.
        let (words, note) = word_diff("pagu naik", "pagu turun");
        assert!(note.is_none());
        assert!(
            words
                .iter()
                .any(|w| w.change == Change::Same && w.text.contains("pagu"))
        );
    }

    /// However hard the comparison (two unrelated long texts, where the
    /// deadline may cut it short), what it shows still reads back as the
    /// text before and the text after.
    #[test]
    fn a_bounded_comparison_still_rebuilds_both_texts() {
        let a: String = (0..20_000)
            .map(|i| format!("a{} ", i * 7 % 10_007))
            .collect();
        let b: String = (0..20_000)
            .map(|i| format!("a{} ", i * 11 % 10_009))
            .collect();
        let (words, _) = word_diff(&a, &b);
        let side = |keep: Change| -> String {
            words
                .iter()
                .filter(|w| w.change == Change::Same || w.change == keep)
                .map(|w| w.text.as_str())
                .collect()
        };
        assert_eq!(side(Change::Removed), a);
        assert_eq!(side(Change::Added), b);
    }

    #[test]
    fn comparison_shows_words_items_targets_and_pagu() {
        let (s1, i1, i2, i3, n1) = (
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
            Uuid::now_v7(),
        );
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        let a = Snapshot {
            title: "RPJMD".into(),
            stage: Stage::RancanganAwal,
            sections: vec![SnapSection {
                id: s1,
                title: "Bab I".into(),
                body_md: "Stunting turun menjadi 10 persen.".into(),
            }],
            items: vec![item(i1, "Program Kesehatan"), item(i2, "Program Lama")],
            indicators: vec![SnapIndicator {
                id: n1,
                item_id: i1,
                name: "Stunting".into(),
                satuan: "%".into(),
                kondisi_awal: None,
                kondisi_akhir: Some(d("5")),
                years: vec![(2029, Some(d("5")), None, None)],
            }],
            pagu: vec![SnapPagu {
                item: i1,
                year: 2026,
                amount: Rupiah::new(d("1000000")),
            }],
        };
        let mut b = a.clone();
        b.stage = Stage::Rancangan;
        b.sections[0].body_md = "Stunting turun menjadi 4,13 persen.".into();
        b.items = vec![
            item(i1, "Program Kesehatan Masyarakat"),
            item(i3, "Program Baru"),
        ];
        b.indicators[0].years = vec![(2029, Some(d("4.13")), None, None)];
        b.indicators[0].kondisi_akhir = Some(d("4.13"));
        b.pagu[0].amount = Rupiah::new(d("1500000"));
        let c = compare(&a, &b);
        let words = &c.sections[0].words;
        assert!(
            words
                .iter()
                .any(|w| w.change == Change::Removed && w.text.contains("10"))
        );
        assert!(
            words
                .iter()
                .any(|w| w.change == Change::Added && w.text.contains("4,13"))
        );
        assert_eq!(c.items_added, ["Program 1.02.02 Program Baru"]);
        assert_eq!(c.items_removed, ["Program 1.02.02 Program Lama"]);
        assert!(
            c.items_changed
                .iter()
                .any(|v| v.before == "Program Kesehatan"
                    && v.after == "Program Kesehatan Masyarakat")
        );
        assert!(
            c.targets_changed
                .iter()
                .any(|v| v.what.contains("target 2029") && v.before == "5" && v.after == "4,13")
        );
        assert_eq!(c.pagu_changed[0].before, "Rp1.000.000");
        assert_eq!(c.pagu_changed[0].after, "Rp1.500.000");
        assert!(!c.is_empty());
        assert!(compare(&a, &a).is_empty());
    }
}
