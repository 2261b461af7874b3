//! A server-rendered SVG chart of an indicator: kondisi awal, the target
//! (a line, or a band for `rentang`) and realisasi per year. Readable
//! without JavaScript; colours via attributes, so the CSP needs no inline
//! styles.

use crate::web::filters;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::domain::indicator::{Polaritas, Target, format_nilai};

pub struct Point {
    pub year: i32,
    pub target: Option<Target>,
    pub realisasi: Option<Decimal>,
}

const W: f64 = 640.0;
const H: f64 = 280.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 56.0;

/// A mark on the chart: where, and what its tooltip says.
struct Mark {
    x: f64,
    y: f64,
    title: String,
}

/// What `templates/plans/chart.svg` draws, in drawing coordinates.
#[derive(askama::Template)]
#[template(path = "plans/chart.svg")]
struct Chart<'a> {
    title: &'a str,
    /// Grid lines with their value labels.
    ticks: Vec<(f64, String)>,
    /// Year labels along the bottom.
    years: Vec<(f64, i32)>,
    /// A rentang's band (polygon points) or the target line's points.
    band: Option<String>,
    line: Option<String>,
    targets: Vec<Mark>,
    /// The realisasi line (two or more years) and its marks.
    real_line: Option<String>,
    real: Vec<Mark>,
    awal: Option<Mark>,
}

impl Chart<'_> {
    const W: f64 = W;
    const H: f64 = H;
    const LEFT: f64 = LEFT;
    const RIGHT: f64 = RIGHT;

    fn rentang(&self) -> bool {
        self.band.is_some()
    }

    fn legend_y(&self) -> f64 {
        H - 14.0
    }
}

/// The value range drawn (10 % room around the figures, from zero when
/// none is negative) and the years along the axis.
struct Scale {
    years: Vec<i32>,
    lo: f64,
    hi: f64,
}

impl Scale {
    fn of(awal: Option<(i32, Decimal)>, points: &[Point]) -> Option<Scale> {
        let mut years: Vec<i32> = points.iter().map(|p| p.year).collect();
        if let Some((y, _)) = awal
            && !years.contains(&y)
        {
            years.insert(0, y);
        }
        years.sort();
        let values: Vec<f64> = points
            .iter()
            .flat_map(|p| {
                let t = p.target.iter().flat_map(|t| [Some(t.value), t.max]);
                t.chain([p.realisasi]).flatten()
            })
            .chain(awal.map(|(_, v)| v))
            .filter_map(|v| v.to_f64())
            .collect();
        if years.is_empty() || values.is_empty() {
            return None;
        }
        let (mut lo, mut hi) = values
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
        if (hi - lo).abs() < 1e-9 {
            lo -= 1.0;
            hi += 1.0;
        }
        let pad = (hi - lo) * 0.1;
        let floor = if lo >= 0.0 { 0.0 } else { f64::MIN };
        Some(Scale {
            years,
            lo: (lo - pad).max(floor),
            hi: hi + pad,
        })
    }

    fn x(&self, year: i32) -> f64 {
        let i = self.years.iter().position(|y| *y == year).unwrap_or(0) as f64;
        let n = (self.years.len().max(2) - 1) as f64;
        LEFT + i * (W - LEFT - RIGHT) / n
    }

    fn y(&self, v: Decimal) -> f64 {
        self.y_f(v.to_f64().unwrap_or(0.0))
    }

    fn y_f(&self, v: f64) -> f64 {
        TOP + (self.hi - v) / (self.hi - self.lo) * (H - TOP - BOTTOM)
    }

    /// "x,y x,y …" of (year, value) pairs.
    fn points<'p>(&self, pts: impl Iterator<Item = (i32, &'p Decimal)>) -> String {
        pts.map(|(year, v)| format!("{:.1},{:.1}", self.x(year), self.y(*v)))
            .collect::<Vec<_>>()
            .join(" ")
    }
}

pub fn svg(
    title: &str,
    polaritas: Polaritas,
    awal: Option<(i32, Decimal)>,
    points: &[Point],
) -> String {
    use askama::Template;
    let Some(sc) = Scale::of(awal, points) else {
        return empty(title);
    };
    let targets: Vec<(i32, Target)> = points
        .iter()
        .filter_map(|p| p.target.map(|t| (p.year, t)))
        .collect();
    let real: Vec<(i32, Decimal)> = points
        .iter()
        .filter_map(|p| p.realisasi.map(|r| (p.year, r)))
        .collect();
    let rentang = polaritas == Polaritas::Rentang;
    let chart = Chart {
        title,
        ticks: ticks(&sc),
        years: sc.years.iter().map(|y| (sc.x(*y), *y)).collect(),
        band: (rentang && !targets.is_empty()).then(|| band_points(&sc, &targets)),
        line: (!rentang).then(|| sc.points(targets.iter().map(|(y, t)| (*y, &t.value)))),
        targets: if rentang {
            Vec::new()
        } else {
            marks(&sc, &targets, crate::i18n::t("target"), |t| {
                (t.value, t.display())
            })
        },
        real_line: (real.len() > 1).then(|| sc.points(real.iter().map(|(y, r)| (*y, r)))),
        real: marks(&sc, &real, crate::i18n::t("realisasi"), |r| {
            (*r, format_nilai(*r))
        }),
        awal: awal.map(|(y, v)| Mark {
            x: sc.x(y),
            y: sc.y(v),
            title: crate::i18n::tf!("kondisi-awal-2", y = y, a1 = format_nilai(v)),
        }),
    };
    chart.render().unwrap_or_default()
}

/// The paragraph shown instead of a chart when there is nothing to draw.
fn empty(title: &str) -> String {
    // Translated first, then escaped: the title is the reader's data.
    let text = crate::i18n::tf!("belum-ada-kondisi-awal-target-atau-realisasi", a1 = title);
    format!(
        "<p class=\"empty\">{}</p>",
        askama::filters::escape(&text, askama::filters::Html)
            .map(|e| e.to_string())
            .unwrap_or_default()
    )
}

/// A rentang's band: polygon points along the upper bounds and back along the lower ones.
fn band_points(sc: &Scale, targets: &[(i32, Target)]) -> String {
    let upper = targets
        .iter()
        .map(|(y, t)| (*y, t.max.as_ref().unwrap_or(&t.value)));
    let lower = targets.iter().rev().map(|(y, t)| (*y, &t.value));
    format!("{} {}", sc.points(upper), sc.points(lower))
}

/// The grid lines at five even steps of the scale, each with its value.
fn ticks(sc: &Scale) -> Vec<(f64, String)> {
    (0..=4)
        .map(|k| {
            let v = sc.lo + (sc.hi - sc.lo) * k as f64 / 4.0;
            let label = Decimal::from_f64_retain(v)
                .map(|d| format_nilai(d.round_dp(2)))
                .unwrap_or_default();
            (sc.y_f(v), label)
        })
        .collect()
}

/// Marks of (year, value) with "{what} {year}: {value as written}".
fn marks<T>(
    sc: &Scale,
    of: &[(i32, T)],
    what: &str,
    value: impl Fn(&T) -> (Decimal, String),
) -> Vec<Mark> {
    of.iter()
        .map(|(y, t)| {
            let (v, shown) = value(t);
            Mark {
                x: sc.x(*y),
                y: sc.y(v),
                title: format!("{what} {y}: {shown}"),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn the_chart_draws_targets_realisasi_and_baseline() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let pts = vec![
            Point {
                year: 2025,
                target: Some(Target {
                    value: d("12.5"),
                    max: None,
                }),
                realisasi: Some(d("13.1")),
            },
            Point {
                year: 2029,
                target: Some(Target {
                    value: d("4.13"),
                    max: None,
                }),
                realisasi: None,
            },
        ];
        let svg = svg(
            "Prevalensi <stunting>",
            Polaritas::Turun,
            Some((2024, d("14.2"))),
            &pts,
        );
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Target 2029: 4,13"));
        assert!(svg.contains("Realisasi 2025: 13,1"));
        assert!(svg.contains("Kondisi awal 2024: 14,2"));
        assert!(
            !svg.contains("<stunting>") && svg.contains("Grafik Prevalensi &"),
            "titles are escaped: {svg}"
        );
        assert!(!svg.contains("style="), "no inline styles: CSP");
    }

    #[test]
    fn a_band_is_a_polygon() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let pts = vec![Point {
            year: 2026,
            target: Some(Target {
                value: d("0.6"),
                max: Some(d("1.8")),
            }),
            realisasi: None,
        }];
        assert!(svg("Kemiskinan", Polaritas::Rentang, None, &pts).contains("<polygon"));
    }
}
