//! A server-rendered SVG chart of an indicator: kondisi awal, the target
//! (a line, or a band for `rentang`) and realisasi per year. Readable
//! without JavaScript; colours via attributes, so the CSP needs no inline
//! styles.

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

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

pub fn svg(
    title: &str,
    polaritas: Polaritas,
    awal: Option<(i32, Decimal)>,
    points: &[Point],
) -> String {
    let mut years: Vec<i32> = points.iter().map(|p| p.year).collect();
    if let Some((y, _)) = awal
        && !years.contains(&y)
    {
        years.insert(0, y);
    }
    years.sort();
    let mut values: Vec<f64> = Vec::new();
    for p in points {
        if let Some(t) = p.target {
            values.extend(t.value.to_f64());
            values.extend(t.max.and_then(|m| m.to_f64()));
        }
        values.extend(p.realisasi.and_then(|r| r.to_f64()));
    }
    values.extend(awal.and_then(|(_, v)| v.to_f64()));
    if years.is_empty() || values.is_empty() {
        return format!(
            "<p class=\"empty\">Belum ada kondisi awal, target atau realisasi untuk digambarkan ({}).</p>",
            esc(title)
        );
    }
    let (mut lo, mut hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), v| (a.min(*v), b.max(*v)));
    if (hi - lo).abs() < 1e-9 {
        lo -= 1.0;
        hi += 1.0;
    }
    let pad = (hi - lo) * 0.1;
    let (lo, hi) = (
        (lo - pad).max(if lo >= 0.0 { 0.0 } else { f64::MIN }),
        hi + pad,
    );
    let x_of = |year: i32| {
        let i = years.iter().position(|y| *y == year).unwrap_or(0) as f64;
        let n = (years.len().max(2) - 1) as f64;
        LEFT + i * (W - LEFT - RIGHT) / n
    };
    let y_of = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" class=\"chart\" role=\"img\" aria-label=\"Grafik {t}\"><title>Grafik {t}</title>",
        t = esc(title)
    );
    // Grid and y labels.
    for k in 0..=4 {
        let v = lo + (hi - lo) * k as f64 / 4.0;
        let y = y_of(v);
        let label = Decimal::from_f64_retain(v)
            .map(|d| format_nilai(d.round_dp(2)))
            .unwrap_or_default();
        s += &format!(
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#d5dbe5\"/><text x=\"{}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\" fill=\"#525c6e\">{label}</text>",
            W - RIGHT,
            LEFT - 6.0,
            y + 4.0
        );
    }
    for y in &years {
        s += &format!(
            "<text x=\"{:.1}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1d2433\">{y}</text>",
            x_of(*y),
            H - BOTTOM + 18.0
        );
    }
    // Targets: a band for rentang, a line otherwise.
    let targets: Vec<(i32, Target)> = points
        .iter()
        .filter_map(|p| p.target.map(|t| (p.year, t)))
        .collect();
    if polaritas == Polaritas::Rentang {
        let upper: Vec<String> = targets
            .iter()
            .map(|(y, t)| {
                format!(
                    "{:.1},{:.1}",
                    x_of(*y),
                    y_of(t.max.unwrap_or(t.value).to_f64().unwrap_or(0.0))
                )
            })
            .collect();
        let lower: Vec<String> = targets
            .iter()
            .rev()
            .map(|(y, t)| {
                format!(
                    "{:.1},{:.1}",
                    x_of(*y),
                    y_of(t.value.to_f64().unwrap_or(0.0))
                )
            })
            .collect();
        if !targets.is_empty() {
            s += &format!(
                "<polygon points=\"{} {}\" fill=\"#bfe3d5\" stroke=\"#0b5d4b\" stroke-width=\"1.5\"/>",
                upper.join(" "),
                lower.join(" ")
            );
        }
    } else {
        let pts: Vec<String> = targets
            .iter()
            .map(|(y, t)| {
                format!(
                    "{:.1},{:.1}",
                    x_of(*y),
                    y_of(t.value.to_f64().unwrap_or(0.0))
                )
            })
            .collect();
        s += &format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#0b5d4b\" stroke-width=\"2.5\"/>",
            pts.join(" ")
        );
        for (y, t) in &targets {
            s += &format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"4\" fill=\"#0b5d4b\"><title>Target {y}: {}</title></circle>",
                x_of(*y),
                y_of(t.value.to_f64().unwrap_or(0.0)),
                t.display()
            );
        }
    }
    // Realisasi.
    let real: Vec<(i32, Decimal)> = points
        .iter()
        .filter_map(|p| p.realisasi.map(|r| (p.year, r)))
        .collect();
    if real.len() > 1 {
        let pts: Vec<String> = real
            .iter()
            .map(|(y, r)| format!("{:.1},{:.1}", x_of(*y), y_of(r.to_f64().unwrap_or(0.0))))
            .collect();
        s += &format!(
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#b45309\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>",
            pts.join(" ")
        );
    }
    for (y, r) in &real {
        s += &format!(
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"9\" height=\"9\" fill=\"#b45309\"><title>Realisasi {y}: {}</title></rect>",
            x_of(*y) - 4.5,
            y_of(r.to_f64().unwrap_or(0.0)) - 4.5,
            format_nilai(*r)
        );
    }
    if let Some((y, v)) = awal {
        s += &format!(
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"6\" fill=\"#fff\" stroke=\"#525c6e\" stroke-width=\"2.5\"><title>Kondisi awal {y}: {}</title></circle>",
            x_of(y),
            y_of(v.to_f64().unwrap_or(0.0)),
            format_nilai(v)
        );
    }
    // Legend.
    let ly = H - 14.0;
    s += &format!(
        "<circle cx=\"{LEFT}\" cy=\"{ly}\" r=\"5\" fill=\"#fff\" stroke=\"#525c6e\" stroke-width=\"2\"/><text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1d2433\">Kondisi awal</text>",
        LEFT + 10.0,
        ly + 4.0
    );
    s += &format!(
        "<rect x=\"{}\" y=\"{}\" width=\"18\" height=\"8\" fill=\"{}\"/><text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1d2433\">{}</text>",
        LEFT + 110.0,
        ly - 4.0,
        if polaritas == Polaritas::Rentang {
            "#bfe3d5"
        } else {
            "#0b5d4b"
        },
        LEFT + 134.0,
        ly + 4.0,
        if polaritas == Polaritas::Rentang {
            "Rentang target"
        } else {
            "Target"
        }
    );
    s += &format!(
        "<rect x=\"{}\" y=\"{}\" width=\"9\" height=\"9\" fill=\"#b45309\"/><text x=\"{}\" y=\"{}\" font-size=\"12\" fill=\"#1d2433\">Realisasi</text>",
        LEFT + 250.0,
        ly - 4.5,
        LEFT + 266.0,
        ly + 4.0
    );
    s += "</svg>";
    s
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
        assert!(svg.contains("&lt;stunting&gt;"), "titles are escaped");
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
