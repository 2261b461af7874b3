//! Maps drawn on the server from the shipped boundaries (SVG, no tiles, no
//! script): a region's shape as stored, a frame that fits a set of shapes
//! into a width in pixels (and back, for a click on the map), paths
//! simplified and rounded for that scale, a point-in-area test, and the
//! shading of areas by a figure.
//!
//! Coordinates are `[lat, lng]` (WGS 84) as in the source data. The
//! projection is equirectangular with the longitude shrunk by the cosine
//! of the middle latitude: at the scale of a province on the equator
//! (Java lies at 6–9° S) it is indistinguishable from Mercator.

use std::fmt::Write;

/// A ring of `[lat, lng]` points, the last equal to the first.
pub type Ring = Vec<[f64; 2]>;

/// An area's outline: every ring of every polygon, filled even-odd (so an
/// inner ring is a hole).
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub rings: Vec<Ring>,
}

impl Shape {
    /// The `path` column of the boundary CSV: a JSON array of polygons,
    /// each a list of rings (or a single polygon's rings alone), each a
    /// list of `[lat, lng]`.
    pub fn parse(path: &str) -> Result<Shape, String> {
        let value: serde_json::Value =
            serde_json::from_str(path).map_err(|e| format!("bukan JSON: {e}"))?;
        let mut rings = Vec::new();
        collect(&value, &mut rings)?;
        rings.retain(|r| r.len() >= 3);
        if rings.is_empty() {
            return Err("tidak ada poligon".into());
        }
        for r in &rings {
            for [lat, lng] in r {
                if !(-90.0..=90.0).contains(lat) || !(-180.0..=180.0).contains(lng) {
                    return Err(crate::i18n::tf!(
                        "koordinat-di-luar-bumi",
                        lat = lat,
                        lng = lng
                    ));
                }
            }
        }
        Ok(Shape { rings })
    }

    pub fn bbox(&self) -> Bbox {
        let mut b = Bbox::EMPTY;
        for r in &self.rings {
            for p in r {
                b.add(p[0], p[1]);
            }
        }
        b
    }

    /// Points inside the shape on an even grid over its box (for demo
    /// data and tests): up to `n` × `n` candidates, those inside kept.
    pub fn grid_inside(&self, n: usize) -> Vec<(f64, f64)> {
        let b = self.bbox();
        let mut out = Vec::new();
        for i in 1..=n {
            for j in 1..=n {
                let lat = b.min_lat + (b.max_lat - b.min_lat) * i as f64 / (n + 1) as f64;
                let lng = b.min_lng + (b.max_lng - b.min_lng) * j as f64 / (n + 1) as f64;
                if self.contains(lat, lng) {
                    out.push((lat, lng));
                }
            }
        }
        out
    }

    /// The box of the parts that matter at a glance: the rings with at
    /// least a tenth of the largest one's area, so a regency's far islets (Jepara's
    /// Karimunjawa) do not shrink the mainland to a strip. What falls
    /// outside is clipped from an overview map.
    pub fn main_bbox(&self) -> Bbox {
        // A ring's area (shoelace, in square degrees: only compared).
        let size = |r: &Ring| {
            let mut twice = 0.0;
            for w in r.windows(2) {
                twice += w[0][1] * w[1][0] - w[1][1] * w[0][0];
            }
            (twice / 2.0).abs()
        };
        let largest = self.rings.iter().map(size).fold(0.0, f64::max);
        let mut b = Bbox::EMPTY;
        for r in self.rings.iter().filter(|r| size(r) >= largest / 10.0) {
            r.iter().for_each(|p| b.add(p[0], p[1]));
        }
        b
    }

    /// Whether the point lies inside (even-odd over every ring, so holes
    /// are outside).
    pub fn contains(&self, lat: f64, lng: f64) -> bool {
        let mut inside = false;
        for r in &self.rings {
            let mut j = r.len() - 1;
            for i in 0..r.len() {
                let ([yi, xi], [yj, xj]) = (r[i], r[j]);
                if (yi > lat) != (yj > lat) && lng < (xj - xi) * (lat - yi) / (yj - yi) + xi {
                    inside = !inside;
                }
                j = i;
            }
        }
        inside
    }
}

/// A point is a list of two numbers; anything deeper holds rings.
fn collect(v: &serde_json::Value, out: &mut Vec<Ring>) -> Result<(), String> {
    let list = v.as_array().ok_or("diharapkan daftar")?;
    let is_ring = list
        .first()
        .and_then(|p| p.as_array())
        .is_some_and(|p| p.first().is_some_and(|x| x.is_number()));
    if is_ring {
        let mut ring = Vec::with_capacity(list.len());
        for p in list {
            let pair = p.as_array().filter(|p| p.len() >= 2).ok_or("titik rusak")?;
            let (Some(lat), Some(lng)) = (pair[0].as_f64(), pair[1].as_f64()) else {
                return Err("titik bukan angka".into());
            };
            ring.push([lat, lng]);
        }
        out.push(ring);
    } else {
        for child in list {
            collect(child, out)?;
        }
    }
    Ok(())
}

/// One row of a boundary file (`kode,nama,lat,lng,path`), checked.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundaryRow {
    pub kode: String,
    pub lat: f64,
    pub lng: f64,
    /// The source's JSON, kept as it came once it parsed.
    pub path: String,
}

/// Every row of a boundary CSV, or every line that is wrong and why (the
/// line numbers count the header as line 1).
pub fn parse_boundaries(text: &str) -> Result<Vec<BoundaryRow>, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header_ok = reader.headers().is_ok_and(|h| {
        h.iter().map(str::trim).collect::<Vec<_>>() == ["kode", "nama", "lat", "lng", "path"]
    });
    if !header_ok {
        return Err(vec![
            "baris 1: kolomnya harus kode,nama,lat,lng,path".into(),
        ]);
    }
    let (mut rows, mut errors) = (Vec::new(), Vec::new());
    let mut seen = std::collections::HashMap::new();
    for (i, rec) in reader.records().enumerate() {
        let line = i + 2;
        let row = rec.map_err(|e| e.to_string()).and_then(|r| {
            if r.len() != 5 {
                return Err("harus lima kolom".to_string());
            }
            let kode = r[0].trim().to_string();
            if super::region::RegionLevel::of(&kode, &r[1]).is_none() {
                return Err(crate::i18n::tf!("kode-wilayah-tidak-sah", kode = kode));
            }
            let num = |v: &str| v.trim().parse::<f64>().ok().filter(|n| n.is_finite());
            let (Some(lat), Some(lng)) = (num(&r[2]), num(&r[3])) else {
                return Err("lat/lng bukan angka".into());
            };
            if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lng) {
                return Err("lat/lng di luar bumi".into());
            }
            Shape::parse(&r[4]).map_err(|e| format!("path: {e}"))?;
            Ok(BoundaryRow {
                kode,
                lat,
                lng,
                path: r[4].to_string(),
            })
        });
        match row {
            Ok(r) => match seen.insert(r.kode.clone(), line) {
                Some(first) => errors.push(crate::i18n::tf!(
                    "baris-kode-sudah-ada-di-baris",
                    line = line,
                    a1 = r.kode,
                    first = first
                )),
                None => rows.push(r),
            },
            Err(e) => errors.push(format!("baris {line}: {e}")),
        }
    }
    if errors.is_empty() {
        Ok(rows)
    } else {
        Err(errors)
    }
}

/// A box in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bbox {
    pub min_lat: f64,
    pub max_lat: f64,
    pub min_lng: f64,
    pub max_lng: f64,
}

impl Bbox {
    pub const EMPTY: Bbox = Bbox {
        min_lat: f64::INFINITY,
        max_lat: f64::NEG_INFINITY,
        min_lng: f64::INFINITY,
        max_lng: f64::NEG_INFINITY,
    };

    pub fn add(&mut self, lat: f64, lng: f64) {
        self.min_lat = self.min_lat.min(lat);
        self.max_lat = self.max_lat.max(lat);
        self.min_lng = self.min_lng.min(lng);
        self.max_lng = self.max_lng.max(lng);
    }

    pub fn union(mut self, o: Bbox) -> Bbox {
        self.add(o.min_lat, o.min_lng);
        self.add(o.max_lat, o.max_lng);
        self
    }

    pub fn is_empty(&self) -> bool {
        self.min_lat > self.max_lat
    }
}

/// Where a box of the earth sits on a picture `width` × `height` pixels,
/// with `pad` pixels around it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    pub width: f64,
    pub height: f64,
    bbox: Bbox,
    /// Pixels per degree of latitude.
    scale: f64,
    /// cos(middle latitude): a degree of longitude in degrees of latitude.
    shrink: f64,
    pad: f64,
}

impl Frame {
    /// The frame that fits `bbox` into `width` pixels, no taller than
    /// `max_height` (narrower then), centred.
    pub fn fit(bbox: Bbox, width: f64, max_height: f64) -> Frame {
        let pad = 4.0;
        let shrink = ((bbox.min_lat + bbox.max_lat) / 2.0).to_radians().cos();
        let w_deg = ((bbox.max_lng - bbox.min_lng) * shrink).max(1e-6);
        let h_deg = (bbox.max_lat - bbox.min_lat).max(1e-6);
        let scale = ((width - 2.0 * pad) / w_deg).min((max_height - 2.0 * pad) / h_deg);
        Frame {
            width: width.round(),
            height: (h_deg * scale + 2.0 * pad).round(),
            bbox,
            scale,
            shrink,
            pad: pad + ((width - 2.0 * pad) - w_deg * scale) / 2.0,
        }
    }

    pub fn to_xy(&self, lat: f64, lng: f64) -> (f64, f64) {
        (
            self.pad + (lng - self.bbox.min_lng) * self.shrink * self.scale,
            4.0 + (self.bbox.max_lat - lat) * self.scale,
        )
    }

    /// The point under pixel (x, y): the inverse of `to_xy`.
    pub fn to_latlng(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.bbox.max_lat - (y - 4.0) / self.scale,
            self.bbox.min_lng + (x - self.pad) / (self.shrink * self.scale),
        )
    }

    /// The SVG path of a shape at this scale: each ring simplified to
    /// about half a pixel and rounded to a tenth; rings that shrink below
    /// a pixel are left out, except the largest, so every area shows.
    pub fn path(&self, shape: &Shape) -> String {
        let projected: Vec<Vec<(f64, f64)>> = shape
            .rings
            .iter()
            .map(|r| r.iter().map(|p| self.to_xy(p[0], p[1])).collect())
            .collect();
        let largest = projected
            .iter()
            .enumerate()
            .max_by(|a, b| extent(a.1).total_cmp(&extent(b.1)))
            .map(|(i, _)| i);
        let mut d = String::new();
        for (i, ring) in projected.iter().enumerate() {
            if extent(ring) < 1.0 && Some(i) != largest {
                continue;
            }
            let mut kept = simplify(ring, 0.5);
            if kept.len() < 3 {
                kept = ring.clone();
            }
            for (n, (x, y)) in kept.iter().enumerate() {
                let _ = write!(
                    d,
                    "{}{} {}",
                    if n == 0 { "M" } else { " " },
                    tenth(*x),
                    tenth(*y)
                );
            }
            d.push('Z');
        }
        d
    }
}

/// A set of areas drawn into one frame: what a map of them shares,
/// whatever figures it shows (kept per version of the outlines).
#[derive(Debug, Clone)]
pub struct Geometry {
    pub frame: Frame,
    pub outlines: Vec<Outline>,
}

/// One area's path on the picture, and where to put its label or dot.
#[derive(Debug, Clone)]
pub struct Outline {
    pub kode: String,
    pub nama: String,
    pub d: String,
}

impl Geometry {
    /// Fits every area into `width` pixels (no taller than `max_height`).
    pub fn draw<'a>(
        areas: impl IntoIterator<Item = (&'a str, &'a str, &'a Shape)> + Clone,
        width: f64,
        max_height: f64,
    ) -> Geometry {
        let bbox = areas
            .clone()
            .into_iter()
            .fold(Bbox::EMPTY, |b, (_, _, s)| b.union(s.main_bbox()));
        let bbox = if bbox.is_empty() {
            // Nothing to draw: a blank frame anywhere.
            Bbox {
                min_lat: 0.0,
                max_lat: 1.0,
                min_lng: 0.0,
                max_lng: 1.0,
            }
        } else {
            bbox
        };
        let frame = Frame::fit(bbox, width, max_height);
        let outlines = areas
            .into_iter()
            .map(|(kode, nama, shape)| Outline {
                kode: kode.to_string(),
                nama: nama.to_string(),
                d: frame.path(shape),
            })
            .collect();
        Geometry { frame, outlines }
    }
}

/// The larger side of a ring's box, in pixels.
fn extent(ring: &[(f64, f64)]) -> f64 {
    let (mut x0, mut x1, mut y0, mut y1) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
    for (x, y) in ring {
        (x0, x1, y0, y1) = (x0.min(*x), x1.max(*x), y0.min(*y), y1.max(*y));
    }
    (x1 - x0).max(y1 - y0)
}

/// A number with at most one decimal and no trailing ".0".
pub fn tenth(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Douglas–Peucker: the points of `ring` that keep its outline within
/// `tolerance` pixels.
fn simplify(ring: &[(f64, f64)], tolerance: f64) -> Vec<(f64, f64)> {
    if ring.len() < 4 {
        return ring.to_vec();
    }
    let mut keep = vec![false; ring.len()];
    keep[0] = true;
    keep[ring.len() - 1] = true;
    // A closed ring's ends coincide: split it at its farthest point first.
    let far = (1..ring.len() - 1)
        .max_by(|&a, &b| dist2(ring[0], ring[a]).total_cmp(&dist2(ring[0], ring[b])))
        .unwrap_or(1);
    keep[far] = true;
    let mut stack = vec![(0, far), (far, ring.len() - 1)];
    while let Some((a, b)) = stack.pop() {
        if b <= a + 1 {
            continue;
        }
        let (mut worst, mut at) = (0.0, a);
        for i in a + 1..b {
            let d = segment_distance(ring[i], ring[a], ring[b]);
            if d > worst {
                (worst, at) = (d, i);
            }
        }
        if worst > tolerance {
            keep[at] = true;
            stack.push((a, at));
            stack.push((at, b));
        }
    }
    ring.iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(p, _)| *p)
        .collect()
}

fn dist2(a: (f64, f64), b: (f64, f64)) -> f64 {
    (a.0 - b.0).powi(2) + (a.1 - b.1).powi(2)
}

fn segment_distance(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let len2 = dist2(a, b);
    if len2 == 0.0 {
        return dist2(p, a).sqrt();
    }
    let t = (((p.0 - a.0) * (b.0 - a.0) + (p.1 - a.1) * (b.1 - a.1)) / len2).clamp(0.0, 1.0);
    dist2(p, (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1))).sqrt()
}

/// How many shades a map uses besides "none".
pub const SHADES: usize = 5;

/// The shade (0 for nothing, 1..=SHADES) of `value` among values up to
/// `max`, in equal steps.
pub fn shade(value: f64, max: f64) -> usize {
    if value <= 0.0 || max <= 0.0 {
        return 0;
    }
    (((value / max) * SHADES as f64).ceil() as usize).clamp(1, SHADES)
}

/// A shade's range of values, for a legend.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// 1..=SHADES.
    pub shade: usize,
    pub from: f64,
    pub to: f64,
}

/// The bounds of each shade for a legend.
pub fn steps(max: f64) -> Vec<Step> {
    (1..=SHADES)
        .map(|s| Step {
            shade: s,
            from: max * (s - 1) as f64 / SHADES as f64,
            to: max * s as f64 / SHADES as f64,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE: &str = "[[[0,0],[0,1],[1,1],[1,0],[0,0]]]";

    #[test]
    fn every_nesting_of_the_source_parses() {
        let one = Shape::parse(SQUARE).unwrap();
        let many = Shape::parse(&format!("[{SQUARE},[[[5,5],[5,6],[6,6],[5,5]]]]")).unwrap();
        assert_eq!(one.rings.len(), 1);
        assert_eq!(many.rings.len(), 2);
        assert!(Shape::parse("[]").is_err());
        assert!(Shape::parse("[[[0,0],[0,\"x\"],[1,1]]]").is_err());
        assert!(Shape::parse("[[[0,0],[0,200],[1,1]]]").is_err());
        assert!(Shape::parse("not json").is_err());
    }

    #[test]
    fn inside_outside_and_holes() {
        let s =
            Shape::parse("[[[0,0],[0,10],[10,10],[10,0],[0,0]],[[4,4],[4,6],[6,6],[6,4],[4,4]]]")
                .unwrap();
        assert!(s.contains(1.0, 1.0));
        assert!(!s.contains(5.0, 5.0), "in the hole");
        assert!(!s.contains(11.0, 5.0));
        assert!(!s.contains(-0.5, 5.0));
    }

    #[test]
    fn a_click_maps_back_to_the_point_drawn() {
        let b = Shape::parse("[[[-7.45,110.2],[-7.45,110.25],[-7.52,110.25],[-7.52,110.2]]]")
            .unwrap()
            .bbox();
        let f = Frame::fit(b, 300.0, 300.0);
        assert_eq!(f.width, 300.0);
        assert!(f.height <= 300.0);
        let (x, y) = f.to_xy(-7.48, 110.23);
        let (lat, lng) = f.to_latlng(x, y);
        assert!((lat + 7.48).abs() < 1e-9 && (lng - 110.23).abs() < 1e-9);
        // The box's corners sit inside the picture.
        let (x0, y0) = f.to_xy(b.max_lat, b.min_lng);
        let (x1, y1) = f.to_xy(b.min_lat, b.max_lng);
        assert!(x0 >= 0.0 && y0 >= 0.0 && x1 <= f.width && y1 <= f.height);
    }

    #[test]
    fn paths_are_simplified_and_rounded() {
        // A square with a hundred points on one side draws as five.
        let mut ring: Vec<[f64; 2]> = (0..=100).map(|i| [0.0, i as f64 / 100.0]).collect();
        ring.extend([[1.0, 1.0], [1.0, 0.0], [0.0, 0.0]]);
        let s = Shape { rings: vec![ring] };
        let f = Frame::fit(s.bbox(), 100.0, 100.0);
        let d = f.path(&s);
        // Five points ("x y" each, the ring closed): nine spaces.
        assert_eq!(d.matches(' ').count(), 5 * 2 - 1, "{d}");
        assert!(d.starts_with('M') && d.ends_with('Z'));
        assert!(!d.contains(".0 "), "{d}");
    }

    #[test]
    fn a_speck_is_dropped_but_an_area_always_shows() {
        let tiny = [[0.0, 0.0], [0.0, 0.0001], [0.0001, 0.0001], [0.0, 0.0]].to_vec();
        let big = [[0.0, 1.0], [0.0, 2.0], [1.0, 2.0], [1.0, 1.0], [0.0, 1.0]].to_vec();
        let f = Frame::fit(
            Shape {
                rings: vec![big.clone()],
            }
            .bbox(),
            100.0,
            100.0,
        );
        let both = Shape {
            rings: vec![tiny.clone(), big],
        };
        assert_eq!(f.path(&both).matches('M').count(), 1);
        let alone = Shape { rings: vec![tiny] };
        assert_eq!(f.path(&alone).matches('M').count(), 1);
    }

    #[test]
    fn a_boundary_file_parses_or_names_its_bad_lines() {
        let good =
            format!("kode,nama,lat,lng,path\n33.71.01,Magelang Selatan,-7.5,110.2,\"{SQUARE}\"\n");
        let rows = parse_boundaries(&good).unwrap();
        assert_eq!(rows[0].kode, "33.71.01");
        let bad = format!(
            "kode,nama,lat,lng,path\n33.71.01,X,-7.5,110.2,\"{SQUARE}\"\n3x,Y,1,2,\"{SQUARE}\"\n33.71.02,Z,a,2,\"{SQUARE}\"\n33.71.03,W,1,2,\"[]\"\n"
        );
        let errs = parse_boundaries(&bad).unwrap_err();
        assert_eq!(errs.len(), 3, "{errs:?}");
        assert!(errs[0].starts_with("baris 3:"), "{errs:?}");
        assert!(parse_boundaries("a,b\n").is_err());
        let twice = format!(
            "kode,nama,lat,lng,path\n33.71.01,X,-7.5,110.2,\"{SQUARE}\"\n33.71.01,X,-7.5,110.2,\"{SQUARE}\"\n"
        );
        assert_eq!(
            parse_boundaries(&twice).unwrap_err(),
            ["baris 3: kode 33.71.01 sudah ada di baris 2"]
        );
    }

    #[test]
    fn far_islets_do_not_widen_the_frame() {
        let s = Shape::parse(
            "[[[[0,0],[0,10],[10,10],[10,0],[0,0]]],[[[40,40],[40,40.5],[40.5,40.5],[40,40]]]]",
        )
        .unwrap();
        assert_eq!(s.main_bbox().max_lat, 10.0);
        assert_eq!(s.bbox().max_lat, 40.5);
    }

    #[test]
    fn shades_step_evenly() {
        assert_eq!(shade(0.0, 10.0), 0);
        assert_eq!(shade(1.0, 10.0), 1);
        assert_eq!(shade(2.0, 10.0), 1);
        assert_eq!(shade(2.1, 10.0), 2);
        assert_eq!(shade(10.0, 10.0), 5);
        assert_eq!(shade(3.0, 0.0), 0);
        assert_eq!(
            steps(10.0)[4],
            Step {
                shade: 5,
                from: 8.0,
                to: 10.0
            }
        );
    }
}
